/*---
description: "Class 4: reaching start-compartment powers (clock, randomness, stack APIs, RegExp statics) through the constructors of shared prototypes."
---*/
// Isolation check, the same in every escape test (the runner loads only assert.js): the start
// compartment's global, key shared intrinsics and a bystander compartment are snapshotted
// before the attack and must be unchanged after it.
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
function snapshot() {
  const roots = [['start globalThis', globalThis], ['bystander globalThis', bystander.globalThis],
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array.prototype', Array.prototype], ['Error.prototype', Error.prototype],
    ['TypeError.prototype', TypeError.prototype], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Reflect', Reflect], ['Symbol', Symbol], ['Compartment.prototype', Compartment.prototype],
    ['%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].values()))]];
  const entries = [];
  for (const [name, object] of roots) {
    entries.push([`${name} frozen`, Object.isFrozen(object)], [`${name} [[Prototype]]`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${name}.${String(key)}.${f}`, d[f]]);
    }
  }
  entries.push(['bystander behaviour', bystander.evaluate(
    '[typeof token, token.kind, typeof assert, [1, 2].map(x => x * 2).join(), String({}), Function("return this")(), Object.keys(globalThis).join()].join("|")')]);
  return entries;
}
function assertUnchanged(before) {
  const after = snapshot();
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    assert.sameValue(is[0], was[0], 'snapshot entry');
    assert.sameValue(is[1], was[1], was[0]);
  }
}
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const attempts = {
    newDateViaInstance: () => new (new Date(0)).constructor(),
    dateNowViaPrototype: () => Date.prototype.constructor.now(),
    dateCallViaPrototype: () => Date.prototype.constructor(),
    dateNowViaInstance: () => new Date(0).constructor.now(),
    mathRandom: () => Math.random(),
    mathRandomViaPrototype: () => Object.getPrototypeOf(Math).constructor.random(),
    temporalNow: () => Temporal.Now.instant(),
  };
  const out = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    try { out[name] = attempt(); } catch (error) { out[name] = error; }
  }
  out.errorPowers = [Error.prototype.constructor.captureStackTrace, Error.prototype.constructor.prepareStackTrace,
    Error.prototype.constructor.stackTraceLimit, TypeError.prototype.constructor.captureStackTrace];
  /(se)cret/.exec('secret');
  out.regexpStatics = ['$1', 'input', 'lastMatch', 'lastParen', 'leftContext', 'rightContext', '$_']
    .map(name => RegExp.prototype.constructor[name]);
  out.sharedConstructors = [Date.prototype.constructor === Date, RegExp.prototype.constructor === RegExp,
    Error.prototype.constructor === Error, Promise.prototype.constructor === Promise];
  out.intl = typeof Intl;
  out;
`);
for (const name of ['newDateViaInstance', 'dateNowViaPrototype', 'dateCallViaPrototype', 'dateNowViaInstance', 'mathRandom', 'mathRandomViaPrototype', 'temporalNow']) {
  assert(outcomes[name] instanceof TypeError, `${name} must throw a TypeError`);
}
assert.compareArray(outcomes.errorPowers, [undefined, undefined, undefined, undefined], 'no V8 stack powers');
assert.compareArray(outcomes.regexpStatics, Array(7).fill(undefined), 'no RegExp legacy statics');
assert.compareArray(outcomes.sharedConstructors, [true, true, true, true]);
assert.sameValue(outcomes.intl, 'undefined');
// The start compartment keeps its own clock; the attacker never reaches it.
assert.sameValue(typeof Date.now(), 'number');
assert.notSameValue(attacker.evaluate('Date'), Date, 'compartments get %SharedDate%');
assertUnchanged(before);
