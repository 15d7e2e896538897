/*---
description: "Class 22 (engine internals): a virtual module source naming the engine's private helper specifier (\\0virtual-module-helper) in its bindings to import the helper that runs execute, instead of going through the compartment's hook."
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
const asked = [];
const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker',
  resolveHook: specifier => specifier,
  importHook: async specifier => {
    asked.push(specifier);
    if (specifier === 'virtual') {
      return { source: {
        bindings: [{ import: 'default', as: 'helper', from: '\0virtual-module-helper' }, { export: 'seen' }],
        execute($) { $.seen = typeof $.helper === 'function' ? 'helper function' : String($.helper); },
      } };
    }
    return { source: new ModuleSource('export default "from the hook";') };
  },
});
attacker.import('virtual').then(ns => ns.seen, e => `rejected:${e.constructor.name}`).then(seen => {
  // The request must reach the compartment's hook like any other specifier (or fail).
  assert.notSameValue(seen, 'helper function', 'the virtual source imported the engine helper');
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
