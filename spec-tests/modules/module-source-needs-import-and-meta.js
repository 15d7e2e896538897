/*---
description: "ModuleSource.prototype.needsImport is true when the source contains a dynamic import() anywhere, needsImportMeta when it uses import.meta anywhere; both are false otherwise (words in strings or comments do not count)."
---*/
const cases = [
  ['export default 1;', false, false],
  ['export const f = () => import("x");', true, false],
  ['export const m = () => import.meta;', false, true],
  ['const x = import.meta.url; await import(x);', true, true],
  ['// import("x") and import.meta in a comment\nexport const s = "import.meta import(1)";', false, false],
];
for (const [text, needsImport, needsImportMeta] of cases) {
  const source = new ModuleSource(text);
  assert.sameValue(source.needsImport, needsImport, `needsImport of ${text}`);
  assert.sameValue(source.needsImportMeta, needsImportMeta, `needsImportMeta of ${text}`);
}
for (const name of ['needsImport', 'needsImportMeta']) {
  const descriptor = Object.getOwnPropertyDescriptor(ModuleSource.prototype, name);
  assert.sameValue(typeof descriptor.get, 'function', `${name} is a getter`);
  assert.sameValue(descriptor.set, undefined);
  assert.throws(TypeError, () => descriptor.get.call({}), `${name} checks its receiver`);
}
