/*---
description: After lockdown DataView.prototype.setFloat16 writes a NaN carrying a payload as the canonical 0x7e00.
---*/
lockdown();
const c = new Compartment();
const bits = c.evaluate(`
  const source = new DataView(new ArrayBuffer(2));
  source.setUint16(0, 0x7c01);
  const target = new DataView(new ArrayBuffer(2));
  target.setFloat16(0, source.getFloat16(0));
  target.getUint16(0)
`);
assert.sameValue(bits, 0x7e00);
