/*---
description: "Class 26: a module namespace shared with another compartment ({namespace} descriptors) exposing writable bindings, module internals or the exporter's global, instead of read-only live bindings."
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
const exporter = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'exporter',
  resolveHook: specifier => specifier,
  loadHook: async () => ({ source: new ModuleSource(`
    const internal = { secret: 'module internal' };
    export let counter = 0;
    export function bump() { counter += 1; }
    export const shape = { open: true };
  `) }),
});
exporter.import('lib').then(lib => {
  const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker', globals: { lib },
    resolveHook: specifier => specifier,
    loadHook: async () => ({ namespace: lib }),
  });
  return attacker.import('shared').then(ns => {
    const seen = attacker.evaluate(`(ns) => {
      const attempt = f => { try { f(); return 'done'; } catch (e) { return e.constructor.name; } };
      return [
        ns === lib,
        attempt(() => { ns.counter = 100; }),
        attempt(() => { ns.added = 1; }),
        attempt(() => { delete ns.bump; }),
        attempt(() => Object.defineProperty(ns, 'counter', { value: 5 })),
        attempt(() => Object.setPrototypeOf(ns, {})),
        Object.getPrototypeOf(ns),
        Object.isExtensible(ns),
        'internal' in ns,
        (ns.bump(), ns.counter),
      ];
    }`)(ns);
    assert.sameValue(seen[0], true, 'the namespace is shared as is');
    assert.compareArray(seen.slice(1, 6), ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']);
    assert.sameValue(seen[6], null);
    assert.sameValue(seen[7], false);
    assert.sameValue(seen[8], false, 'non-exported bindings are not reachable');
    assert.sameValue(seen[9], 1, 'bindings are live, changed only by the exporter');
    assertUnchanged(before);
  });
}).then(() => $DONE(), $DONE);
