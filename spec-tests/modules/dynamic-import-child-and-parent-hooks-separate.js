/*---
description: "import() from a child compartment's code reaches only the child's hooks, never its parent's; a child without importHook rejects with a TypeError even though its parent has one; the parent's code never reaches the child's hooks."
flags: [module]
---*/
const log = [];
const parent = new Compartment({
  importHook: async specifier => { log.push(`parent:${specifier}`); return { source: new ModuleSource('export default "parent";') }; },
});
parent.globalThis.childHook = async specifier => { log.push(`child:${specifier}`); return { source: new ModuleSource('export default "child";') }; };
const hookless = parent.evaluate('new Compartment()');
const hooked = parent.evaluate('new Compartment({ importHook: childHook })');
let error;
try { await hookless.evaluate('import("x")'); } catch (e) { error = e; }
assert.sameValue(error && error.constructor, TypeError, 'the hookless child rejects');
const fromChild = await hooked.evaluate('import("y")');
assert.sameValue(fromChild.default, 'child');
const fromParent = await parent.evaluate('import("y")');
assert.sameValue(fromParent.default, 'parent');
assert.notSameValue(fromChild, fromParent, 'separate memos');
assert.compareArray(log, ['child:y', 'parent:y']);
