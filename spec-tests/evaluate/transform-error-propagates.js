/*---
description: An error thrown by a transform propagates to the evaluate caller.
---*/
const c = new Compartment();
assert.throws(RangeError, () => c.evaluate('1', { transforms: [() => { throw new RangeError('no'); }] }));
