/*---
description: "Class 25 (virtual sources): a virtual module source is code that runs with the authority of the compartment that instantiates it (SES hands a shim-shaped execute that compartment), so a host must not instantiate a guest's virtual source in another compartment; XS-shaped sources get only the Import/ImportMeta they ask for, and nothing else changes."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const handed = {};
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { hand: harden((name, value) => { handed[name] = value; }) } });
attacker.evaluate(`
  globalThis.learned = [];
  hand('shim', { imports: [], exports: ['x'], execute(exports, compartment, resolvedImports) {
    learned.push(['shim', typeof compartment === 'object' && compartment !== null ? String(compartment.globalThis && compartment.globalThis.victimSecret) : typeof compartment]);
    exports.x = 1;
  } });
  hand('xs', { bindings: [{ export: 'x' }], execute($, Import, ImportMeta) {
    learned.push(['xs', typeof Import, typeof ImportMeta]);
    $.x = 2;
  } });
`);
const victim = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'victim', globals: { victimSecret: 'victim secret' },
  resolveHook: specifier => specifier,
  importHook: async specifier => ({ source: handed[specifier] }),
});
Promise.all([victim.import('shim'), victim.import('xs')]).then(([shim, xs]) => {
  assert.sameValue(shim.x, 1);
  assert.sameValue(xs.x, 2);
  const learned = attacker.evaluate('learned');
  // As in SES, a shim-shaped execute receives the instantiating compartment: instantiating a
  // source grants its code that compartment's authority (docs/security.md, "Module sources").
  assert.compareArray(learned.find(([shape]) => shape === 'shim'), ['shim', 'victim secret'], 'shim-shaped execute gets the instantiating compartment');
  assert.compareArray(learned.find(([shape]) => shape === 'xs'), ['xs', 'undefined', 'undefined']);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
