/*---
description: After lockdown a NaN carrying a payload is written back by setFloat64 as the canonical NaN, so the payload cannot be observed.
---*/
lockdown();
const c = new Compartment();
const bytes = c.evaluate(`
  const source = new DataView(new ArrayBuffer(8));
  [0x7f, 0xf0, 0, 0, 0, 0, 0, 1].forEach((b, i) => source.setUint8(i, b));
  const nan = source.getFloat64(0);
  const target = new DataView(new ArrayBuffer(8));
  target.setFloat64(0, nan);
  [...new Uint8Array(target.buffer)]
`);
assert.compareArray(bytes, [0x7f, 0xf8, 0, 0, 0, 0, 0, 0]);
