/*---
description: "Class 23: import attributes (with: {type: 'json'}) not reaching the compartment's hook intact, letting a JSON import run code, or handing the hook the guest's live attribute object."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
