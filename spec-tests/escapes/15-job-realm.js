/*---
description: "Class 15: promise jobs (reactions, async continuations, builtins and evaluators used as handlers) resolving global names against the start compartment or nothing."
flags: [async]
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const hostPromise = harden(Promise.resolve('startOnly'));
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { hostPromise } });
const results = attacker.evaluate(`
  const own = globalThis;
  Promise.all([
    Promise.resolve().then(() => globalThis === own),
    (async () => { await null; return [globalThis === own, typeof startOnly, typeof assert].join(); })(),
    (async function* () { await null; yield typeof startOnly; })().next().then(r => r.value),
    Promise.reject(1).finally(() => typeof startOnly).catch(() => 'finally ran'),
    // Builtins and the compartment's evaluators as reaction handlers run with no guest frame.
    Promise.resolve('globalThis').then(eval).then(g => g === own),
    Promise.resolve('return typeof startOnly').then(Function).then(f => f()),
    hostPromise.then(Reflect.has.bind(null, globalThis)),
    hostPromise.then(name => (0, eval)('typeof ' + name)),
    Promise.resolve('startOnly').then(Reflect.get.bind(null, globalThis)).then(v => typeof v),
    new Compartment().evaluate('Promise.resolve().then(() => globalThis)').then(g => g !== own),
  ]);
`);
results.then(values => {
  assert.compareArray(values, [true, 'true,undefined,undefined', 'undefined', 'finally ran', true, 'undefined', false, 'undefined', 'undefined', true]);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
