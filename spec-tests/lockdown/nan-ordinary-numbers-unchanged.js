/*---
description: After lockdown setFloat64 and setFloat32 still write ordinary numbers exactly, with the requested byte order.
---*/
lockdown();
const dv = new DataView(new ArrayBuffer(8));
dv.setFloat64(0, 1.5);
assert.sameValue(dv.getFloat64(0), 1.5);
dv.setFloat64(0, -0, true);
assert.sameValue(Object.is(dv.getFloat64(0, true), -0), true);
dv.setFloat32(0, Infinity);
assert.sameValue(dv.getFloat32(0), Infinity);
dv.setFloat64(0, 1);
assert.compareArray(new Uint8Array(dv.buffer), [0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
