/*---
description: "A virtual namespace {namespace: object} exports any string key, including 'default' and names that are not identifiers, importable with string import names."
flags: [module]
---*/
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: {
    o: { namespace: { 'a-b': 1, default: 2, 'with space': 3 } },
    m: { source: new ModuleSource('import { "a-b" as ab, "with space" as ws } from "o"; import d from "o"; export default [ab, d, ws].join();') },
  },
});
const m = c.importNow('m');
assert.sameValue(m.default, '1,2,3');
