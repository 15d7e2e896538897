/*---
description: Values thrown by evaluated code propagate unchanged to the caller.
---*/
const c = new Compartment();
const token = {};
c.globalThis.token = token;
try {
  c.evaluate('throw token');
  throw new Test262Error('nothing thrown');
} catch (e) {
  assert.sameValue(e, token);
}
assert.throws(RangeError, () => c.evaluate('throw new RangeError("r")'));
