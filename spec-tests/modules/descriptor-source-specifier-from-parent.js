/*---
description: "{source: 'spec'} takes the module source the parent compartment has for that specifier but instantiates it in the child: a separate instance that sees the child's globals; the parent's own instance is not run by it."
flags: [module]
---*/
const runs = [];
const log = { hit(who) { runs.push(who); } };
const parentLookups = [];
const parent = new Compartment({
  globals: { log, who: 'parent' },
  importHook: async specifier => {
    parentLookups.push(specifier);
    return { source: new ModuleSource('log.hit(who); export const who2 = who; export const token = {};') };
  },
});
parent.globalThis.childOptions = {
  globals: { log, who: 'child' },
  modules: { x: { source: 'm' } },
};
const child = parent.evaluate('new Compartment(childOptions)');
const { namespace: fromChild } = await child.import('x');
assert.compareArray(runs, ['child'], 'only the child instance ran');
assert.sameValue(fromChild.who2, 'child', 'instantiated in the child');
assert.compareArray(parentLookups, ['m'], 'the parent\'s importHook supplied the source');
const { namespace: fromParent } = await parent.import('m');
assert.compareArray(runs, ['child', 'parent'], 'the parent\'s instance is separate');
assert.notSameValue(fromParent, fromChild);
assert.notSameValue(fromParent.token, fromChild.token, 'separate instances');
assert.sameValue(fromParent.who2, 'parent');
