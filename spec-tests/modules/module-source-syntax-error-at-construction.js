/*---
description: "new ModuleSource(text) parses at once: bad module syntax (including module-only rules such as duplicate exports and `await` as an identifier) is a SyntaxError at construction; bad JSON with {with: {type: 'json'}} is a SyntaxError; an unsupported type is a TypeError."
---*/
const bad = ['export default (', 'export const a = 1; export const a = 2;', 'var await = 1;', 'import x from;', 'export { undeclared };', 'return 1;', '<!-- html comment', 'with ({}) {}'];
for (const text of bad) {
  assert.throws(SyntaxError, () => new ModuleSource(text), JSON.stringify(text));
}
assert.throws(SyntaxError, () => new ModuleSource('{"a": }', { with: { type: 'json' } }), 'bad JSON');
assert.throws(SyntaxError, () => new ModuleSource('export default 1;', { with: { type: 'json' } }), 'JavaScript given as JSON');
assert.throws(TypeError, () => new ModuleSource('1', { with: { type: 'css' } }), 'unsupported type');
assert.throws(TypeError, () => new ModuleSource('1', 42), 'options must be an object');
const fine = new ModuleSource('export const a = 1; await null;');
assert.sameValue(Object.getPrototypeOf(fine), ModuleSource.prototype, 'top-level await is fine');
