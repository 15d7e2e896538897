/*---
description: "A cycle of modules inside one compartment links and each module evaluates once, in spec order (the dependency first); hoisted function exports are usable across the cycle."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  modules: {
    a: { source: new ModuleSource('import { b, fromB } from "b"; log.push("a"); export function fromA() { return "A"; } export const a = "a" + b; export const viaB = () => fromB();') },
    b: { source: new ModuleSource('import { fromA } from "a"; log.push("b"); export const b = "b"; export function fromB() { return fromA() + "B"; } export const early = fromA();') },
  },
});
const { namespace: a } = await c.import('a');
assert.compareArray(log, ['b', 'a']);
assert.sameValue(a.a, 'ab');
assert.sameValue(a.viaB(), 'AB');
const b = c.importNow('b');
assert.sameValue(b.early, 'A', 'hoisted function available during the cycle');
assert.compareArray(log, ['b', 'a'], 'evaluated once');
