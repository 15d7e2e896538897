/*---
description: "Class 28: inside a module of a compartment whose hook denies a specifier, import() through indirect eval, Function or a child compartment reaching a loader that allows it (the host's, the parent's, the file system)."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const asked = [];
const deny = new Set(['denied']);
const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker',
  resolveHook: specifier => specifier,
  loadHook: async specifier => {
    asked.push(specifier);
    if (deny.has(specifier)) throw new Error(`denied: ${specifier}`);
    if (specifier === 'main') {
      return { source: new ModuleSource(`
        const settle = p => p.then(() => 'loaded', e => 'rejected:' + (e instanceof Error));
        export const results = Promise.all([
          settle(import('denied')),
          settle((0, eval)('import("denied")')),
          settle(Function('return import("denied")')()),
          settle(new Compartment().evaluate('import("denied")')),
          settle((0, eval)('import("/etc/passwd")')),
        ]);
      `) };
    }
    return { source: new ModuleSource(`export default ${JSON.stringify(specifier)};`) };
  },
});
attacker.import('main').then(ns => ns.results).then(results => {
  assert.compareArray(results, ['rejected:true', 'rejected:true', 'rejected:true', 'rejected:true', 'loaded']);
  // The compartment's own hook refused it (a failed load is remembered per compartment, so it
  // may be asked once); no other loader answered, and the child, which has none, loaded nothing.
  assert(asked.includes('denied'), 'the compartment hook was asked');
  assert.sameValue(asked.filter(s => s !== 'main' && s !== 'denied' && s !== '/etc/passwd').length, 0);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
