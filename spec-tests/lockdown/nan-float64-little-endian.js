/*---
description: After lockdown setFloat64 with littleEndian true writes the canonical NaN in little-endian byte order.
---*/
lockdown();
const dv = new DataView(new ArrayBuffer(8));
dv.setFloat64(0, NaN, true);
assert.compareArray(new Uint8Array(dv.buffer), [0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
