/*---
description: After lockdown a NaN with the sign bit set is written back by setFloat64 as the canonical positive quiet NaN.
---*/
lockdown();
const source = new DataView(new ArrayBuffer(8));
[0xff, 0xf8, 0, 0, 0, 0, 0, 0].forEach((b, i) => source.setUint8(i, b));
const target = new DataView(new ArrayBuffer(8));
target.setFloat64(0, source.getFloat64(0));
assert.compareArray(new Uint8Array(target.buffer), [0x7f, 0xf8, 0, 0, 0, 0, 0, 0]);
