/*---
description: "Class 22: import() from compartment code (evaluate, eval, Function, async functions, generators, promise jobs, child compartments) reaching the host's loader, the file system, or another compartment's hooks instead of its own."
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
