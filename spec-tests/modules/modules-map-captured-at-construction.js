/*---
description: "The modules map is read once at construction: its getters run then, and properties added, changed or deleted afterwards are not seen; descriptors are only checked when loaded."
flags: [module]
---*/
let getterRuns = 0;
const modules = {
  get lazy() { getterRuns += 1; return { source: new ModuleSource('export default "lazy";') }; },
  kept: { source: new ModuleSource('export default "kept";') },
  broken: 42,
};
const c = new Compartment({ modules });
assert.sameValue(getterRuns, 1, 'getter ran at construction');
modules.added = { source: new ModuleSource('export default "added";') };
modules.kept = { source: new ModuleSource('export default "changed";') };
delete modules.broken;
const lazy = c.importNow('lazy');
assert.sameValue(lazy.default, 'lazy');
assert.sameValue(getterRuns, 1, 'the getter is not run again');
const kept = c.importNow('kept');
assert.sameValue(kept.default, 'kept', 'later changes are not seen');
assert.throws(TypeError, () => c.importNow('added'), 'later additions are not seen (no hooks)');
assert.throws(TypeError, () => c.importNow('broken'), 'the captured bad descriptor is still there, checked only when loaded');
