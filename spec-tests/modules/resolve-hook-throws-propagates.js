/*---
description: An error thrown by resolveHook propagates unchanged (same object) from import() and importNow().
flags: [module]
---*/
const thrown = new RangeError('resolve failed');
const make = () => new Compartment({
  resolveHook: () => { throw thrown; },
  modules: { main: { source: new ModuleSource('import "dep";') } },
});
let caught;
try { make().importNow('main'); } catch (e) { caught = e; }
assert.sameValue(caught, thrown, 'importNow');
caught = undefined;
try { await make().import('main'); } catch (e) { caught = e; }
assert.sameValue(caught, thrown, 'import');
