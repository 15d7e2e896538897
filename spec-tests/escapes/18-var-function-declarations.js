/*---
description: "Class 18: var and function declarations, sloppy-globals assignments and undeclared assignments of a compartment landing on the start compartment's global or another compartment's."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
attacker.evaluate('var leakedVar = 1; function leakedFunction() {}');
attacker.evaluate('sloppyAssigned = 1', { sloppyGlobalsMode: true });
attacker.evaluate('(function () { sloppyInFunction = 2; })()', { sloppyGlobalsMode: true });
assert.throws(ReferenceError, () => attacker.evaluate('strictAssigned = 1'));
assert.throws(ReferenceError, () => attacker.evaluate('Function("strictInFunction = 1")()'));
// Declarations stay local to the evaluation (SES evaluate semantics).
assert.sameValue(attacker.evaluate('typeof leakedVar + typeof leakedFunction'), 'undefinedundefined');
// Sloppy-globals assignments land on the attacker's own global only.
assert.sameValue(attacker.globalThis.sloppyAssigned, 1);
assert.sameValue(attacker.globalThis.sloppyInFunction, 2);
for (const name of ['leakedVar', 'leakedFunction', 'sloppyAssigned', 'sloppyInFunction', 'strictAssigned', 'strictInFunction']) {
  assert.sameValue(name in globalThis, false, `${name} on the start global`);
  assert.sameValue(bystander.evaluate(`typeof ${name}`), 'undefined', `${name} in the bystander`);
}
// Assignments to universal names change the attacker's own global, nowhere else.
attacker.evaluate('Array = null; globalThis.Object = null; undefined');
assert.sameValue(attacker.evaluate('String(Array) + String(Object)'), 'nullnull');
assert.sameValue(typeof Array, 'function');
assertUnchanged(before);
