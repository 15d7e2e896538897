/*---
description: "SES #1305 (class 19), translated: probing which globals exist in the start compartment or the host (typeof, in, Reflect.has, hasOwn, error messages, sloppy-globals reads) from a compartment."
includes: [isolation.js]
---*/
globalThis.hostOnlyGlobal = 'host';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const names = ['hostOnlyGlobal', 'assert', 'mutabilities', 'Test262Error', 'SharedArrayBuffer', 'WeakRef', 'process', 'require', 'console', 'print'];
const seen = attacker.evaluate(`(names) => names.map(name => {
  let message;
  try { (0, eval)(name); message = 'read'; } catch (e) { message = e.constructor.name + ': ' + e.message.replace(name, 'NAME'); }
  return [(0, eval)('typeof ' + name), name in globalThis, Reflect.has(globalThis, name), Object.hasOwn(globalThis, name), message];
})`)(names);
const sloppy = attacker.evaluate(`[${names.map(n => `typeof ${n}`).join(', ')}, ${names.map(n => `String(globalThis.${n})`).join(', ')}]`, { sloppyGlobalsMode: true });
const expected = seen[seen.length - 1];
for (let i = 0; i < names.length; i += 1) {
  // Every absent name answers exactly like a name nobody has.
  assert.compareArray(seen[i], ['undefined', false, false, false, 'ReferenceError: NAME is not defined'], names[i]);
  assert.sameValue(sloppy[i], 'undefined', `${names[i]} under sloppy globals`);
  assert.sameValue(sloppy[names.length + i], 'undefined');
}
assert.compareArray(expected, seen[0]);
assertUnchanged(before);
