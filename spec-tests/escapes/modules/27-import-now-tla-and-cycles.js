/*---
description: "Class 27: importNow of a graph with top-level await running some module bodies before throwing, and a cycle across compartments through namespace descriptors evaluating a module twice."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const evaluations = [];
const log = harden(name => { evaluations.push(name); });
const tla = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'tla', globals: { log },
  resolveHook: specifier => specifier,
  loadNowHook: specifier => ({ source: new ModuleSource(specifier === 'root'
    ? 'import "dep"; log("root");'
    : 'log("dep"); await null; export const x = 1;') }),
});
let threw = false;
try { tla.importNow('root'); } catch (error) { threw = error instanceof Error; }
assert.sameValue(threw, true, 'importNow refuses a graph with top-level await');
assert.compareArray(evaluations, [], 'and runs no module body');
// A cycle across two compartments links and evaluates each module once.
const sources = {
  a: new ModuleSource('import { b } from "b"; export const a = "a"; log("a"); export const seen = () => b;'),
  b: new ModuleSource('import { a } from "a"; export const b = "b"; log("b"); export const seen = () => a;'),
};
let left;
let right;
left = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'left', globals: { log },
  resolveHook: specifier => specifier,
  loadHook: async specifier => specifier === 'a' ? { source: sources.a } : { namespace: 'b', compartment: right },
});
right = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'right', globals: { log },
  resolveHook: specifier => specifier,
  loadHook: async specifier => specifier === 'b' ? { source: sources.b } : { namespace: 'a', compartment: left },
});
Promise.all([left.import('a'), right.import('b')]).then(([a, b]) => {
  assert.sameValue(a.seen(), 'b');
  assert.sameValue(b.seen(), 'a');
  assert.sameValue(evaluations.filter(name => name === 'a').length, 1, 'a evaluated once');
  assert.sameValue(evaluations.filter(name => name === 'b').length, 1, 'b evaluated once');
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
