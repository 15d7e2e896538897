/*---
description: "Class 17: top-level let, const and class declarations, and XS globalLexicals, of one compartment becoming visible to another or to the start compartment (Boa's shared realm has one global declarative environment)."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker', globalLexicals: { lexicalSecret: 'attacker lexical' } });
attacker.evaluate('let leakedLet = 1; const leakedConst = 2; class LeakedClass {}');
attacker.evaluate('(0, eval)("let evalLet = 1"); Function("let bodyLet = 1")();');
attacker.evaluate('new Compartment().evaluate("let childLet = 1")');
const names = ['leakedLet', 'leakedConst', 'LeakedClass', 'evalLet', 'bodyLet', 'childLet', 'lexicalSecret'];
const probe = `[${names.map(n => `typeof ${n}`).join(', ')}]`;
// Neither a later evaluation in the same compartment, nor another compartment, nor the start
// compartment sees the declarations; the global lexical is the attacker's alone.
assert.compareArray(attacker.evaluate(probe), ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'string']);
assert.compareArray(new Compartment().evaluate(probe), Array(7).fill('undefined'));
assert.compareArray([typeof leakedLet, typeof leakedConst, typeof LeakedClass, typeof evalLet, typeof bodyLet, typeof childLet, typeof lexicalSecret], Array(7).fill('undefined'));
// A child given its own lexical of the same name does not reach the parent's binding.
assert.sameValue(attacker.evaluate(`
  const child = new Compartment({ __options__: true, globalLexicals: { lexicalSecret: 'child' } });
  child.evaluate('lexicalSecret = "changed"'.replace('"changed"', '"x"') + '; lexicalSecret');
  lexicalSecret;
`), 'attacker lexical');
assert.sameValue('lexicalSecret' in attacker.globalThis, false, 'a global lexical is not a global property');
assertUnchanged(before);
