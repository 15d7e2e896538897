/*---
description: "Concurrent import()/load() calls for one specifier (and two modules importing the same dependency) share one load: the hook runs once and all get the same instance."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  importHook: async specifier => {
    log.push(`hook:${specifier}`);
    await null;
    return { source: new ModuleSource(specifier === 'dep' ? 'log.push("run:dep"); export const token = {};' : 'import { token } from "dep"; export { token };') };
  },
});
const [a, b, , left, right] = await Promise.all([c.import('dep'), c.import('dep'), c.load('dep'), c.import('left'), c.import('right')]);
assert.sameValue(a.namespace, b.namespace);
assert.sameValue(left.namespace.token, a.namespace.token);
assert.sameValue(right.namespace.token, a.namespace.token);
assert.compareArray(log.filter(entry => entry === 'hook:dep'), ['hook:dep'], 'one hook call for dep');
assert.compareArray(log.filter(entry => entry === 'run:dep'), ['run:dep'], 'one evaluation');
