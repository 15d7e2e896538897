/*---
description: "Class 41 (SES identity-continuity): values crossing compartments failing instanceof or Array.isArray checks, or a compartment's own Compartment and evaluators being the start compartment's."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const other = new Compartment({ __options__: true, name: 'other' });
assert(attacker.evaluate('[]') instanceof Array, '[] instanceof Array');
assert(Array.isArray(attacker.evaluate('[]')));
assert(attacker.evaluate('({})') instanceof Object);
assert(attacker.evaluate('new TypeError()') instanceof TypeError);
assert(attacker.evaluate('Promise.resolve()') instanceof Promise);
assert(attacker.evaluate('() => {}') instanceof Function, 'functions inherit the shared Function.prototype');
for (const name of ['Array', 'Object', 'Error', 'Promise', 'Map', 'RegExp', 'Symbol', 'Iterator', 'harden', 'lockdown']) {
  assert.sameValue(attacker.evaluate(name), other.evaluate(name), `${name} shared between compartments`);
  // SES: compartments share %SharedSymbol%; the start compartment keeps the original.
  if (name !== 'Symbol') assert.sameValue(attacker.evaluate(name), globalThis[name], `${name} shared with the start compartment`);
}
assert.sameValue(attacker.evaluate('Symbol.prototype'), Symbol.prototype, 'one Symbol.prototype');
assert.sameValue(Symbol.prototype.constructor, attacker.evaluate('Symbol'), 'its constructor is %SharedSymbol%');
for (const name of ['globalThis', 'eval', 'Function', 'Compartment']) {
  assert.notSameValue(attacker.evaluate(name), other.evaluate(name), `${name} is per compartment`);
  assert.notSameValue(attacker.evaluate(name), globalThis[name], `${name} differs from the start compartment's`);
}
assert(attacker.evaluate('new Compartment()') instanceof Compartment, 'every Compartment shares Compartment.prototype');
assert.sameValue(attacker.evaluate('Compartment.prototype'), Compartment.prototype);
assert.sameValue(attacker.evaluate('Function.prototype'), Function.prototype);
assert.sameValue(attacker.evaluate('Symbol.iterator'), Symbol.iterator);
assert.sameValue(attacker.evaluate('Symbol.for("registered")'), Symbol.for('registered'));
assertUnchanged(before);
