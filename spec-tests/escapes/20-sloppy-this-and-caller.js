/*---
description: "Class 20 (SES #904): reaching a global or scope object through sloppy this, bare-name calls, caller/callee, or a sloppy function the start compartment made before lockdown (whose this is the realm's inert global)."
includes: [isolation.js]
---*/
// Made before lockdown with the realm's own Function: a sloppy function whose this is the realm global.
const leakedSloppy = Function.prototype.constructor('return this');
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { leakedSloppy },
  globalLexicals: { lexicalFunction() { return this; } } });
const seen = attacker.evaluate(`
  function declared() { return this; }
  globalThis.onGlobal = function () { return this; };
  const outcome = f => { try { return f(); } catch (e) { return e.constructor.name; } };
  [
    (function () { return this; })(),
    declared(),
    onGlobal(),
    lexicalFunction(),
    outcome(() => declared.caller),
    outcome(() => declared.arguments),
    outcome(() => (function () { return arguments.callee; })()),
    outcome(() => (function f() { return f.caller; })()),
  ];
`);
assert.compareArray(seen, [undefined, undefined, undefined, undefined, undefined, undefined, 'TypeError', undefined]);
// The realm global reached through the leaked sloppy function is inert: sealed, with nothing
// but the engine's own name accessors, which answer for the running compartment only.
const realm = attacker.evaluate(`
  const realmGlobal = leakedSloppy();
  const names = Reflect.ownKeys(realmGlobal);
  const accessor = name => Object.getOwnPropertyDescriptor(realmGlobal, name);
  const attempts = [];
  for (const f of [() => { realmGlobal.injected = 1; }, () => { realmGlobal.Array = null; }, () => { delete realmGlobal.Array; },
    () => Object.defineProperty(realmGlobal, 'Object', { value: 1 }), () => Object.setPrototypeOf(realmGlobal, null)]) {
    try { f(); attempts.push('done'); } catch (e) { attempts.push(e.constructor.name); }
  }
  const dispatcher = Object.getPrototypeOf(realmGlobal);
  [
    realmGlobal !== globalThis,
    Object.isSealed(realmGlobal),
    names.every(n => typeof n === 'string' && (['undefined', 'NaN', 'Infinity'].includes(n) || typeof accessor(n).get === 'function')),
    accessor('Array').get() === Array,
    accessor('eval').get() === eval,
    accessor('globalThis').get() === globalThis,
    Reflect.get(dispatcher, 'startOnly'),
    Reflect.has(dispatcher, 'startOnly'),
    Reflect.has(dispatcher, 'assert'),
    attempts.join(),
    typeof realmGlobal.startOnly,
    realmGlobal.Array === Array,
  ];
`);
assert.compareArray(realm.slice(0, 6), [true, true, true, true, true, true]);
assert.sameValue(realm[6], undefined, 'the dispatch proxy answers for the attacker only');
assert.sameValue(realm[7], false);
assert.sameValue(realm[8], false);
// Assigning a universal name through the realm global's setter writes the attacker's own global.
assert.sameValue(realm[9], 'TypeError,done,TypeError,TypeError,TypeError', 'writes to the realm global');
assert.sameValue(attacker.globalThis.Array, null);
assert.sameValue(realm[10], 'undefined');
assert.sameValue(realm[11], true);
assertUnchanged(before);
