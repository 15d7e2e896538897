/*---
description: "Class 38: lockdown's override-mistake accessors used to write onto shared prototypes or other objects (setter called with a shared or primitive receiver, Reflect.set with a foreign receiver)."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const shared = harden({ kind: 'shared' });
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { shared } });
const seen = attacker.evaluate(`
  const attempt = f => { try { const r = f(); return r === false ? 'false' : 'worked'; } catch (e) { return e.constructor.name; } };
  const f = () => 'poisoned';
  const setter = (o, k) => Object.getOwnPropertyDescriptor(o, k).set;
  // Ordinary use: an instance shadows an inherited method (moderate taming).
  const mine = {};
  mine.toString = f;
  const e = new TypeError('x');
  e.name = 'Mine';
  ({
    ordinary: [String(mine), String(e)],
    attacks: [
      attempt(() => setter(Object.prototype, 'toString').call(Object.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(Array.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(Function.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(shared, f)),
      attempt(() => setter(Object.prototype, 'toString').call('primitive', f)),
      attempt(() => setter(Error.prototype, 'name').call(TypeError.prototype, 'X')),
      attempt(() => Reflect.set(Object.prototype, 'valueOf', f, Array.prototype)),
      attempt(() => Reflect.set(Object.prototype, 'valueOf', f, Object.prototype)),
      attempt(() => { Object.prototype.toString = f; }),
      attempt(() => { Array.prototype.push = f; }),
    ],
    getter: [Object.isFrozen(Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get),
      Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get.call(Object.prototype) === Object.prototype.toString],
  });
`);
assert.compareArray(seen.ordinary, ['poisoned', 'Mine: x']);
for (const outcome of seen.attacks) assert(outcome === 'TypeError' || outcome === 'false', `override attack: ${outcome}`);
assert.compareArray(seen.getter, [true, true]);
assert.sameValue(String({}), '[object Object]');
assertUnchanged(before);
