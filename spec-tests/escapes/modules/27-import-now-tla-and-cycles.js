/*---
description: "Class 27: importNow of a graph with top-level await running some module bodies before throwing, and a cycle across compartments through namespace descriptors evaluating a module twice."
flags: [async]
---*/
// Isolation check, the same in every escape test (the runner loads only assert.js): the start
// compartment's global, key shared intrinsics and a bystander compartment are snapshotted
// before the attack and must be unchanged after it.
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
function snapshot() {
  const roots = [['start globalThis', globalThis], ['bystander globalThis', bystander.globalThis],
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array.prototype', Array.prototype], ['Error.prototype', Error.prototype],
    ['TypeError.prototype', TypeError.prototype], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Reflect', Reflect], ['Symbol', Symbol], ['Compartment.prototype', Compartment.prototype],
    ['%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].values()))]];
  const entries = [];
  for (const [name, object] of roots) {
    entries.push([`${name} frozen`, Object.isFrozen(object)], [`${name} [[Prototype]]`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${name}.${String(key)}.${f}`, d[f]]);
    }
  }
  entries.push(['bystander behaviour', bystander.evaluate(
    '[typeof token, token.kind, typeof assert, [1, 2].map(x => x * 2).join(), String({}), Function("return this")(), Object.keys(globalThis).join()].join("|")')]);
  return entries;
}
function assertUnchanged(before) {
  const after = snapshot();
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    assert.sameValue(is[0], was[0], 'snapshot entry');
    assert.sameValue(is[1], was[1], was[0]);
  }
}
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
