/*---
description: After lockdown the tamed setFloat64 still throws RangeError for an out-of-bounds offset.
---*/
lockdown();
const dv = new DataView(new ArrayBuffer(8));
assert.throws(RangeError, () => dv.setFloat64(4, NaN));
assert.throws(RangeError, () => dv.setFloat32(6, 1));
