/*---
description: "Class 7: an eval or Function endowed from another compartment evaluating in the caller's or the start compartment's global."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
