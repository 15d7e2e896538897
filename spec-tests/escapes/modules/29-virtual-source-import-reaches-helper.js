/*---
description: "Class 22 (engine internals), red team 2026-12: a virtual module source's own Import('\\0virtual-module-helper') (a dynamic import from the generated wrapper) must go to the compartment's hook, never to the engine's private helper."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const asked = [];
const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker',
  resolveHook: specifier => specifier,
  importHook: async specifier => {
    asked.push(specifier);
    if (specifier === 'v') {
      return { source: {
        bindings: [{ export: 'out' }], needsImport: true,
        async execute($, Import) {
          try {
            const helper = await Import('\0virtual-module-helper');
            $.out = `${typeof helper.default} ${helper.default}`;
          } catch (e) { $.out = `rejected:${e.constructor.name}`; }
        } } };
    }
    return { source: new ModuleSource('export default "from the hook";') };
  },
});
attacker.import('v').then(ns => {
  assert.sameValue(ns.out, 'string from the hook', 'Import of the helper specifier must reach the hook');
  assert.compareArray(asked, ['v', '\0virtual-module-helper']);
  assertIsolated(bystander, before);
}).then(() => $DONE(), $DONE);
