/*---
description: "A direct eval anywhere in module source (top level, nested functions, blocks) is a SyntaxError when the ModuleSource is constructed, as for compartment scripts; indirect eval is accepted."
---*/
for (const text of ['eval("1");', 'export function f() { return eval("1"); }', 'export const g = () => { { eval("x"); } };']) {
  const error = assert.throws(SyntaxError, () => new ModuleSource(text), text);
  assert(error.message.includes('eval'), error.message);
}
const indirect = new ModuleSource('export const v = (0, eval)("1");');
assert.sameValue(Object.getPrototypeOf(indirect), ModuleSource.prototype, 'indirect eval is fine');
