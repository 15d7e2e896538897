/*---
description: "importNow() refuses a top-level-await graph only while it still has to run it: once import() has evaluated a module with top-level await, importNow() of that module, and of a new module importing it, returns the namespace (the TLA module is not run again)."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  modules: {
    tla: { source: new ModuleSource('log.push("tla"); await null; export const v = 1;') },
    user: { source: new ModuleSource('import { v } from "tla"; log.push("user"); export const w = v + 1;') },
  },
});
const { namespace } = await c.import('tla');
const results = [];
for (const specifier of ['tla', 'user']) {
  try {
    const ns = c.importNow(specifier);
    results.push(specifier === 'tla' ? ns === namespace : ns.w);
  } catch (error) {
    results.push(`${error.constructor.name}: ${error.message}`);
  }
}
assert.compareArray(results, [true, 2]);
assert.compareArray(log, ['tla', 'user']);
