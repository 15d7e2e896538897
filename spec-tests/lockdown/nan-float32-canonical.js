/*---
description: After lockdown DataView.prototype.setFloat32 writes NaN as 0x7fc00000.
---*/
lockdown();
const dv = new DataView(new ArrayBuffer(4));
dv.setFloat32(0, NaN);
assert.sameValue(dv.getUint32(0), 0x7fc00000);
