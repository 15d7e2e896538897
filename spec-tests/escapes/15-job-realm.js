/*---
description: "Class 15: promise jobs (reactions, async continuations, builtins and evaluators used as handlers) resolving global names against the start compartment or nothing."
flags: [async]
---*/
globalThis.startOnly = 'start secret';
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
