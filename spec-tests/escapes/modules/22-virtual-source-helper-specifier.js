/*---
description: "Class 22 (engine internals): a virtual module source naming the engine's private helper specifier (\\0virtual-module-helper) in its bindings to import the helper that runs execute, instead of going through the compartment's hook."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
