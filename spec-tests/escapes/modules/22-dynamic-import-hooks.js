/*---
description: "Class 22: import() from compartment code (evaluate, eval, Function, async functions, generators, promise jobs, child compartments) reaching the host's loader, the file system, or another compartment's hooks instead of its own."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const calls = [];
const hooks = label => ({
  resolveHook(specifier) { calls.push([label, 'resolve', specifier]); return specifier; },
  loadHook: async specifier => {
    calls.push([label, 'load', specifier]);
    return { source: new ModuleSource(`export default ${JSON.stringify(`${label}:${specifier}`)};`) };
  },
});
const neighbour = new Compartment({ __options__: true, name: 'neighbour', ...hooks('neighbour') });
const attacker = new Compartment({ __options__: true, name: 'attacker', ...hooks('attacker') });
const imports = attacker.evaluate(`
  const settle = p => p.then(ns => ns.default, e => 'rejected:' + (e instanceof Error));
  Promise.all([
    settle(import('fs')),
    settle((0, eval)('import("via-eval")')),
    settle(Function('return import("via-function")')()),
    settle((async () => import('via-async'))()),
    settle((function* () { yield import('via-generator'); })().next().value),
    settle(Promise.resolve('via-job').then(s => import(s))),
    settle(import('/etc/passwd')),
    settle(import('./spec-tests/harness/assert.js')),
    // The engine's private specifier for virtual-source helpers is just a name to the hook.
    settle(import('\\0virtual-module-helper')),
    // A child without hooks has no loader at all: neither its parent's nor the host's.
    settle(new Compartment().evaluate('import("from-child")')),
  ]);
`);
imports.then(values => {
  assert.compareArray(values, ['attacker:fs', 'attacker:via-eval', 'attacker:via-function', 'attacker:via-async',
    'attacker:via-generator', 'attacker:via-job', 'attacker:/etc/passwd', 'attacker:./spec-tests/harness/assert.js',
    'attacker:\0virtual-module-helper', 'rejected:true']);
  assert.sameValue(calls.filter(([label]) => label !== 'attacker').length, 0, 'only the attacker\'s own hooks ran');
  assert.sameValue(calls.some(([, , specifier]) => specifier === 'from-child'), false, 'the child did not use its parent\'s hooks');
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
