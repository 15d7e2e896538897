/*---
description: "Class 7: an eval or Function endowed from another compartment evaluating in the caller's or the start compartment's global."
---*/
globalThis.startOnly = 'start secret';
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
const lender = new Compartment({ __options__: true, name: 'lender', globals: { who: 'lender' } });
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: {
  who: 'attacker',
  eval: lender.globalThis.eval,
  foreignFunction: lender.globalThis.Function,
  foreignCompartment: lender.globalThis.Compartment,
} });
const seen = attacker.evaluate(`[
  (0, eval)('who'),
  (0, eval)('globalThis') === globalThis,
  foreignFunction('return who')(),
  foreignFunction('return typeof startOnly')(),
  (0, eval)('typeof startOnly'),
  new foreignCompartment().evaluate('typeof who'),
]`);
// A foreign evaluator evaluates in its own compartment, never in the caller's or the start's.
assert.compareArray(seen, ['lender', false, 'lender', 'undefined', 'undefined', 'undefined']);
assert.sameValue(attacker.evaluate('(0, eval)("globalThis")'), lender.globalThis);
// The direct-eval form is still refused when eval is foreign.
assert.throws(SyntaxError, () => attacker.evaluate('eval("globalThis")'));
assertUnchanged(before);
