/*---
description: "Class 24: import.meta aliasing a host object (the descriptor's importMeta, an importMetaHook's argument) or being shared between modules and compartments, so a guest module writes into host state."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const hostMeta = { url: 'host://module', counter: 0 };
const source = new ModuleSource(`
  import.meta.url = 'rewritten';
  import.meta.added = true;
  export const meta = import.meta;
  export const proto = Object.getPrototypeOf(import.meta);
`);
const metaHookArguments = [];
const options = name => ({ __options__: true, __noNamespaceBox__: true, name,
  resolveHook: specifier => specifier,
  loadHook: async () => ({ source, importMeta: hostMeta }),
  importMetaHook(specifier, meta) { metaHookArguments.push(meta); meta.fromHook = specifier; },
});
const attacker = new Compartment(options('attacker'));
const other = new Compartment(options('other'));
Promise.all([attacker.import('a'), attacker.import('b'), other.import('a')]).then(([a, b, c]) => {
  assert.sameValue(hostMeta.url, 'host://module', 'the host object was copied, not aliased');
  assert.sameValue('added' in hostMeta, false);
  assert.sameValue(a.meta.url, 'rewritten');
  assert.notSameValue(a.meta, b.meta, 'each module has its own import.meta');
  assert.notSameValue(a.meta, c.meta, 'each compartment has its own import.meta');
  assert.sameValue(a.proto, null, 'import.meta has a null prototype');
  for (const meta of metaHookArguments) assert.notSameValue(meta, hostMeta);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
