/*---
description: "Class 23: import attributes (with: {type: 'json'}) not reaching the compartment's hook intact, letting a JSON import run code, or handing the hook the guest's live attribute object."
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
const received = [];
const attacker = new Compartment({ __options__: true, name: 'attacker',
  resolveHook: specifier => specifier,
  loadHook: async (specifier, ...rest) => {
    received.push([specifier, ...rest]);
    if (specifier === 'data') return { source: new ModuleSource('{"answer": 42}', { with: { type: 'json' } }) };
    // A JavaScript source answered for a JSON request must not run.
    return { source: new ModuleSource('globalThis.ranAsCode = true; export default 1;') };
  },
});
const outcome = attacker.evaluate(`
  const attributes = { type: 'json' };
  const json = import('data', { with: attributes });
  attributes.type = 'css';
  const settle = p => p.then(ns => ns.default, e => 'rejected:' + e.constructor.name);
  Promise.all([
    settle(json).then(value => value && value.answer),
    settle(import('code', { with: { type: 'json' } })),
    settle(import('data', { with: { type: 'unknown-type' } })),
    settle(import('data', { with: { get type() { throw new RangeError('getter'); } } })),
  ]).then(values => [...values, typeof ranAsCode]);
`);
outcome.then(values => {
  assert.sameValue(values[0], 42, 'the JSON module was loaded with the attributes given at the call');
  assert.sameValue(values[1].startsWith('rejected:'), true, 'JavaScript answered for a JSON import is refused');
  assert.sameValue(values[2].startsWith('rejected:'), true, 'an unknown module type is refused');
  assert.sameValue(values[3], 'rejected:RangeError', 'the guest getter error rejects the import');
  assert.sameValue(values[4], 'undefined', 'no module code ran for a JSON request');
  for (const [, ...rest] of received) {
    for (const value of rest) {
      if (typeof value === 'object' && value !== null) {
        assert.sameValue(Object.isFrozen(Object.getPrototypeOf(value)) || Object.getPrototypeOf(value) === null, true, 'hook arguments use shared intrinsics');
      }
    }
  }
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
