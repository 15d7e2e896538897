/*---
description: "Class 3: building a compartment of the parent, or reaching the start compartment's Compartment, through Compartment.prototype.constructor."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const attempts = {
    viaInstance: () => new (Object.getPrototypeOf(new Compartment()).constructor)(),
    viaPrototype: () => new Compartment.prototype.constructor(),
    called: () => Compartment.prototype.constructor(),
    instanceConstructor: () => new (new Compartment().constructor)(),
    reflect: () => Reflect.construct(Compartment.prototype.constructor, []),
  };
  const out = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    try { out[name] = attempt(); } catch (error) { out[name] = error; }
  }
  out;
`);
for (const [name, outcome] of Object.entries(outcomes)) {
  assert(outcome instanceof TypeError, `${name} must throw a TypeError`);
}
assert.sameValue(attacker.evaluate('Compartment') === Compartment, false, 'own Compartment constructor');
assert.sameValue(attacker.evaluate('Object.isFrozen(Compartment) && Object.isFrozen(Compartment.prototype)'), true);
// A child made with the attacker's constructor sees neither the start nor the attacker globals.
assert.sameValue(attacker.evaluate(`
  globalThis.attackerOnly = 1;
  new Compartment().evaluate('[typeof startOnly, typeof attackerOnly, typeof assert].join()')
`), 'undefined,undefined,undefined');
// Replacing the shared inert constructor must fail.
assert.sameValue(attacker.evaluate(`
  try { Compartment.prototype.constructor = Compartment; 'replaced'; } catch (error) { error.constructor.name; }
`), 'TypeError');
assertUnchanged(before);
