/*---
description: "Class 29: a shared intrinsic left mutable, including anonymous ones only syntax reaches (generator, async and iterator-helper prototypes, %ThrowTypeError%, @@unscopables, accessor functions), as a channel between compartments."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const reachable = reachableFromAttacker(attacker);
assert(reachable.length > 700, `the walk reached ${reachable.length} objects`);
const mutable = reachable
  .filter(([object]) => object !== attacker.globalThis && !Object.isFrozen(object))
  .map(([, path]) => path);
assert.compareArray(mutable, [], 'mutable objects reachable from a compartment');
// Writing to a few of them from the attacker fails.
const writes = attacker.evaluate(`
  const proto = Object.getPrototypeOf;
  const targets = [proto(proto((function* () {})())), proto([].values().map(x => x)), Array.prototype[Symbol.unscopables],
    Object.getOwnPropertyDescriptor((function () { return arguments; })(), 'callee').get,
    Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get, proto(Int8Array)];
  targets.map(target => { try { target.poison = 1; return 'wrote'; } catch (e) { return e.constructor.name; } });
`);
assert.compareArray(writes, Array(6).fill('TypeError'));
assertUnchanged(before);
