/*---
description: "Crash containment, red team 2026-12: a module that import() returned was recorded as a static dependency of its importer, so a later load marked its failed graph as loaded, and building its namespace (a {namespace} descriptor, compartment.module()) panicked Boa. Both must be clean errors."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const c = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker',
  resolveHook: s => s,
  importHook: async s => {
    if (s === 'm') return { source: new ModuleSource(`export const p = import('x').catch(() => 0);`) };
    if (s === 'x') return { source: new ModuleSource(`export * from 'y';`) };
    if (s === 'k') return { source: new ModuleSource(`export {};`) };
    throw Error(`no module ${s}`);
  } });
(async () => {
  await (await c.evaluate(`import('m')`)).p; // x's graph fails to load: there is no 'y'
  await c.import('m');
  assert.throws(TypeError, () => c.module('x').anything, 'namespace of a module whose graph failed');
  const k = await c.evaluate(`import('k')`);
  const other = new Compartment({ __options__: true, modules: { z: { namespace: k } } });
  const outcome = await other.import('z').then(() => 'fulfilled', e => e.constructor.name);
  assert.sameValue(outcome, 'TypeError', 'a namespace only import() saw');
  assert.sameValue(c.evaluate('1 + 1'), 2);
  assertIsolated(bystander, before);
})().then(() => $DONE(), $DONE);
