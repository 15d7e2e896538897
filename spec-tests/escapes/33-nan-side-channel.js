/*---
description: "Class 33 (SES PR #3153, #3214): reading or writing NaN payload bits through Float16/32/64Array or DataView.setFloat*, including through a valueOf coercion, as a channel between compartments."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate('typeof Float16Array + typeof Float32Array + typeof Float64Array'), 'undefinedundefinedundefined');
const reachable = new Set(reachableFromAttacker(attacker).map(([object]) => object));
for (const [name, object] of [['Float16Array', Float16Array], ['Float32Array', Float32Array], ['Float64Array', Float64Array],
  ['Float64Array.prototype', Float64Array.prototype]]) {
  assert.sameValue(reachable.has(object), false, `${name} is reachable from a compartment`);
}
// Boa 0.22 keeps a single NaN in its values already; this guards the tamed setters and any
// engine change that starts preserving payloads.
const bytes = attacker.evaluate(`
  const view = new DataView(new ArrayBuffer(8));
  const hex = () => [0, 1, 2, 3, 4, 5, 6, 7].map(i => view.getUint8(i).toString(16).padStart(2, '0')).join('');
  // A NaN with a payload, made by reading raw bits.
  view.setUint32(0, 0x7ff00000 | 0x5a5a5);
  view.setUint32(4, 0xdeadbeef);
  const weird = view.getFloat64(0);
  const out = [Number.isNaN(weird)];
  view.setFloat64(0, weird); out.push(hex());
  view.setFloat64(0, weird, true); out.push(hex());
  view.setFloat64(0, { valueOf() { return weird; } }); out.push(hex());
  view.setUint32(0, 0xfff00001);
  const negative = view.getFloat64(0);
  view.setFloat64(0, negative); out.push(hex());
  view.setUint32(0, 0x7fc00abc);
  view.setFloat32(0, view.getFloat32(0)); out.push(hex().slice(0, 8));
  view.setUint16(0, 0x7e55);
  view.setFloat16(0, view.getFloat16(0)); out.push(hex().slice(0, 4));
  out;
`);
assert.compareArray(bytes, [true, '7ff8000000000000', '000000000000f87f', '7ff8000000000000', '7ff8000000000000', '7fc00000', '7e00']);
assertUnchanged(before);
