/*---
description: A compartment without a resolveHook uses its parent's (the nearest ancestor's), called with the child's import and referrer specifiers; a child's own resolveHook takes precedence.
flags: [module]
---*/
const calls = [];
const parent = new Compartment({
  resolveHook(specifier, referrer) { calls.push(`parent:${specifier}<-${referrer}`); return `resolved-${specifier}`; },
});
const sources = {
  main: { source: new ModuleSource('import { v } from "dep"; export default v;') },
  'resolved-dep': { source: new ModuleSource('export const v = "from parent resolution";') },
  'own-dep': { source: new ModuleSource('export const v = "from own resolution";') },
};
parent.globalThis.sources = sources;
parent.globalThis.ownHook = (specifier, referrer) => { calls.push(`child:${specifier}<-${referrer}`); return `own-${specifier}`; };
const child = parent.evaluate('new Compartment({ modules: sources })');
child.globalThis.sources = sources;
const grandchild = child.evaluate('new Compartment({ modules: sources })');
const own = parent.evaluate('new Compartment({ modules: sources, resolveHook: ownHook })');
const fromChild = child.importNow('main');
assert.sameValue(fromChild.default, 'from parent resolution');
const fromGrandchild = grandchild.importNow('main');
assert.sameValue(fromGrandchild.default, 'from parent resolution', 'inherited through two levels');
const fromOwn = own.importNow('main');
assert.sameValue(fromOwn.default, 'from own resolution');
assert.compareArray(calls, ['parent:dep<-main', 'parent:dep<-main', 'child:dep<-main']);
