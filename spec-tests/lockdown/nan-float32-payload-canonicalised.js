/*---
description: After lockdown a float32 NaN with a payload is written back by setFloat32 as 0x7fc00000.
---*/
lockdown();
const source = new DataView(new ArrayBuffer(4));
source.setUint32(0, 0x7f800001);
const target = new DataView(new ArrayBuffer(4));
target.setFloat32(0, source.getFloat32(0));
assert.sameValue(target.getUint32(0), 0x7fc00000);
