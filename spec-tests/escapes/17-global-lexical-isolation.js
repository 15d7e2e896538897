/*---
description: "Class 17: top-level let, const and class declarations, and XS globalLexicals, of one compartment becoming visible to another or to the start compartment (Boa's shared realm has one global declarative environment)."
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
