/*---
description: "A function exported by a module of compartment A, called from compartment B (or from the start compartment), still reads A's globals; a module of B importing it through an alias gets the same behaviour."
flags: [module]
---*/
const a = new Compartment({
  globals: { who: 'A' },
  modules: { lib: { source: new ModuleSource('export const whoIs = () => who; export const getGlobal = () => globalThis;') } },
});
const lib = a.importNow('lib');
const b = new Compartment({
  globals: { who: 'B' },
  resolveHook: specifier => specifier,
  modules: {
    lib: { namespace: 'lib', compartment: a },
    main: { source: new ModuleSource('import { whoIs, getGlobal } from "lib"; export const results = [who, whoIs(), getGlobal() === globalThis];') },
  },
});
const { namespace } = await b.import('main');
assert.compareArray(namespace.results, ['B', 'A', false]);
b.globalThis.whoIs = lib.whoIs;
assert.sameValue(b.evaluate('whoIs()'), 'A');
assert.sameValue(lib.whoIs(), 'A', 'called from the start compartment');
assert.sameValue(lib.getGlobal(), a.globalThis);
