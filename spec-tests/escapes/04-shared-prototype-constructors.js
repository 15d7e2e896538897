/*---
description: "Class 4: reaching start-compartment powers (clock, randomness, stack APIs, RegExp statics) through the constructors of shared prototypes."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
