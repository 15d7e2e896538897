/*---
description: "Class 20 (SES #904): reaching a global or scope object through sloppy this, bare-name calls, caller/callee, or a sloppy function made with the realm's own Function (refused)."
includes: [isolation.js]
---*/
// The realm's own Function (the one way to a sloppy function, whose this would be the realm's
// global) refuses to compile, before and after lockdown.
assert.throws(EvalError, () => Function.prototype.constructor('return this'));
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker', globalLexicals: { lexicalFunction() { return this; } } });
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
assertUnchanged(before);
