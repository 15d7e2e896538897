/*---
description: "The namespace from a.module(spec) is a token: given in another compartment's modules map (bare or as {namespace}), it links to a's instance, loading it in a if needed; one instance, initialised once."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const log = [];
const a = new Compartment({
  globals: { counter },
  importHook: async specifier => {
    log.push(specifier);
    return { source: new ModuleSource('counter.hit(); export let v = 1; export function bump() { v += 1; }') };
  },
});
const token = a.module('m');
const b = new Compartment({
  resolveHook: specifier => specifier,
  modules: {
    bare: token,
    wrapped: { namespace: token },
    user: { source: new ModuleSource('import { v, bump } from "bare"; export const read = () => v; export { bump };') },
  },
});
const { namespace: user } = await b.import('user');
assert.compareArray(log, ['m'], 'a loaded m through its own hook');
assert.sameValue(runs, 1);
const { namespace: inA } = await a.import('m');
const { namespace: wrapped } = await b.import('wrapped');
assert.sameValue(wrapped, inA, 'the same instance');
assert.sameValue(runs, 1, 'initialised once');
user.bump();
assert.sameValue(inA.v, 2, 'shared bindings');
assert.sameValue(token.v, 2);
assert.sameValue(user.read(), 2);
