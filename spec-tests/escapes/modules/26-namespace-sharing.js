/*---
description: "Class 26: a module namespace shared with another compartment ({namespace} descriptors) exposing writable bindings, module internals or the exporter's global, instead of read-only live bindings."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
