/*---
description: A module with an import in a compartment with no resolveHook (in it or any ancestor) fails with a TypeError that says there is no resolveHook and names the import and its referrer.
flags: [module]
---*/
const c = new Compartment({
  name: 'unresolved',
  modules: {
    main: { source: new ModuleSource('import "dep";') },
    dep: { source: new ModuleSource('') },
    alone: { source: new ModuleSource('export default 1;') },
  },
});
const error = assert.throws(TypeError, () => c.importNow('main'));
assert(error.message.includes('no resolveHook'), error.message);
assert(error.message.includes('"dep"') && error.message.includes('"main"'), error.message);
let rejected;
try { await c.import('main'); } catch (e) { rejected = e; }
assert.sameValue(rejected && rejected.constructor, TypeError);
assert(rejected.message.includes('no resolveHook'), rejected.message);
const alone = c.importNow('alone');
assert.sameValue(alone.default, 1, 'a module without imports needs no resolveHook');
