/*---
description: "Class 1: reaching the realm's Function constructor through .constructor of any function made in a compartment."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const source = 'return globalThis';
  const attempts = {
    literal: () => (function () {}).constructor(source)(),
    arrow: () => (() => {}).constructor(source)(),
    method: () => ({ m() {} }).m.constructor(source)(),
    getter: () => Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get.constructor(source)(),
    classConstructor: () => (class {}).constructor(source)(),
    bound: () => (function () {}).bind(null).constructor(source)(),
    native: () => Array.prototype.map.constructor(source)(),
    prototypeConstructor: () => Function.prototype.constructor(source)(),
    withNew: () => new ((() => {}).constructor)(source)(),
    reflectConstruct: () => Reflect.construct(Function.prototype.constructor, [source])(),
    reflectApply: () => Reflect.apply(Function.prototype.constructor, undefined, [source])(),
    viaCall: () => Function.prototype.call.call(Function.prototype.constructor, undefined, source)(),
    subclass: () => new (class extends Function.prototype.constructor {})(source)(),
  };
  const out = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    try { out[name] = attempt(); } catch (error) { out[name] = error; }
  }
  out;
`);
assert(Object.keys(outcomes).length >= 13, 'every attempt ran');
for (const [name, outcome] of Object.entries(outcomes)) {
  assert(outcome instanceof TypeError, `${name} must throw a TypeError`);
}
// The inert constructor cannot be swapped for a working one on the shared prototype.
assert.sameValue(attacker.evaluate(`
  try { Function.prototype.constructor = Function; 'replaced'; } catch (error) { error.constructor.name; }
`), 'TypeError');
assert.sameValue(attacker.evaluate('(function () {}).constructor === Function'), false,
  'the inert constructor is not the compartment evaluator');
assertUnchanged(before);
