/*---
description: After lockdown DataView.prototype.setFloat64 writes NaN as the canonical quiet NaN (big-endian by default).
---*/
lockdown();
const dv = new DataView(new ArrayBuffer(8));
dv.setFloat64(0, NaN);
assert.compareArray(new Uint8Array(dv.buffer), [0x7f, 0xf8, 0, 0, 0, 0, 0, 0]);
