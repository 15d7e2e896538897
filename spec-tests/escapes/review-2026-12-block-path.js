/*---
description: "Issue 18 compiles sources the scan finds safe as the body of a block in a strict Script, with Boa's parse the only parse. Attacks on that path: closing the block early (plainly, and where a `/` or an HTML-like comment reads two ways), hoisting `var` or block functions to the realm, top-level lexical bindings seen by other compartments, the Script's own `this` (top-level arrows, class heritage computed keys, escaped words)."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const startKeys = Reflect.ownKeys(globalThis).length;
const attacker = new Compartment({ __options__: true, name: 'attacker' });

const attacks = [
  '}; globalThis.leakA = this; {',
  '} let leakB = this; {',
  '}\nfunction leakC() {}\n{',
  '1 }; var leakD = 1; {',
  'x = (a)/1/}; let leakE = this; {/1',
  'x = {}/1/}; let leakF = this; {/1',
  'x = a++/1/}; let leakG = this; {/1',
  'x = a\n/}/; let leakH = this; {/',
  // Boa divides after `(a)` and meets the `}`; the scan's other reading is one regular
  // expression from the first `/` to the last, balanced and clean.
  'x = (a) / 2; } let leakU = 1; { /1/',
  'x = (a) / 2; } globalThis.leakV = this; { /1/',
  // Red team 2026-12-05: the scan read every non-ASCII byte after a regular expression as a
  // flag, hiding a line terminator or white space and the words after it.
  '/x/\u2028globalThis.flagThis = this',
  '/x/\u2029var leakW = 1',
  '/x/\u2028typeof /()=/} let leakX = this; { 1 / 1',
  '/x/\u00a0in\u00a0/()=/} let leakY = 1; { 1 / 1',
  '/x/\u3000in\u3000/()=/} let leakZ = 1; { 1 / 1',
  "[/x/\u00a0in /'/, globalThis.spaceThis = this, '/'][1] //'",
  // A `using` the scan did not see reached Boa's compiler, which panics on it.
  '(() => { /x/\u2028using x = null })()',
  '--> }; let leakI = this; {',
  'x = 1 <!-- }; let leakJ = this; {',
  '`${`}`}`; }; let leakK = this; {',
  '/[}]/; }; let leakL = this; {',
  "'}'; }; let leakM = this; {",
  '} /*',
  '{ var leakN = 1 }',
  '{ function leakO() {} }',
  'let leakP = 1; const leakQ = 2; class leakR {}',
  '\\u0076ar leakS = 1',
  'th\\u0069s.leakT = 1',
  'globalThis.seenThis = (() => this)()',
  'class B extends (function () { return Object })() { [(globalThis.heritageThis = this, "k")] = 1 }',
  'class C extends Object { static [(globalThis.staticKeyThis = this, "k")] = 1 }',
  'globalThis.arrowArguments = (() => typeof arguments)()',
];
for (const source of attacks) {
  try {
    attacker.evaluate(source);
  } catch (error) {
    assert.sameValue(error instanceof SyntaxError || error instanceof ReferenceError || error instanceof TypeError,
      true, `${source}: ${error}`);
  }
}

// Whatever the top level's `this` was, it was the attacker's global.
for (const name of ['seenThis', 'heritageThis', 'staticKeyThis', 'flagThis', 'spaceThis']) {
  assert.sameValue(attacker.globalThis[name], attacker.globalThis, name);
}
// `arguments` at the top level is the evaluator's, never a realm binding.
assert.sameValue(typeof attacker.globalThis.arrowArguments, 'string');

// Nothing reached the realm: no global property, no global lexical binding another compartment sees.
assert.sameValue(Reflect.ownKeys(globalThis).length, startKeys, 'start globalThis keys');
const fresh = new Compartment();
for (const name of ['leakA', 'leakB', 'leakC', 'leakD', 'leakE', 'leakF', 'leakG', 'leakH', 'leakI', 'leakJ',
  'leakK', 'leakL', 'leakM', 'leakN', 'leakO', 'leakP', 'leakQ', 'leakR', 'leakS', 'leakT', 'leakU', 'leakV', 'leakW', 'leakX', 'leakY', 'leakZ']) {
  assert.sameValue(fresh.evaluate(`typeof ${name}`), 'undefined', `${name} in a fresh compartment`);
  assert.sameValue(typeof globalThis[name], 'undefined', `${name} in the start compartment`);
  assert.sameValue(Object.prototype.hasOwnProperty.call(attacker.globalThis, name), false, `${name} on the attacker's global`);
}
assertIsolated(bystander, before);
