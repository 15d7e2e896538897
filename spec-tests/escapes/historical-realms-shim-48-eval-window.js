/*---
description: "realms-shim #48 (class 6), translated: an exception (a throwing transform, a parse error, a throw inside the evaluated code, nested evaluations) during the evaluator's armed one-shot lookup of the realm's %eval% leaving it armed for guest code."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
// Control-flow completion values take the evaluator's direct-eval path, which arms the lookup.
const results = attacker.evaluate(`
  const own = globalThis.eval;
  const sources = [
    'if (true) throw new Error("in the window");',
    'if (true) { let x = ; }',
    'if (true) eval; else 0;',
    'switch (0) { case 0: (0, eval)("if (true) eval;"); }',
    'for (const x of [1]) { new Compartment().evaluate("if (1) 2;"); }',
  ];
  const results = [];
  for (const source of sources) {
    let value;
    try { value = own(source); } catch (e) { value = e.constructor.name; }
    results.push(value === own ? 'own eval' : typeof value === 'function' ? 'OTHER EVAL' : value);
    results.push(eval === own && (0, eval)('if (1) eval;') === own);
  }
  // A transform that throws while an evaluation is being prepared.
  try { new Compartment({ __options__: true, transforms: [() => { throw new Error('transform'); }] }).evaluate('if (1) 1;'); } catch {}
  results.push(eval === own, Function('return eval')() === own);
  // Nested evaluations: the inner one arms and disarms inside the outer's window.
  results.push((0, eval)('if (true) { (0, eval)("if (true) 1;"); eval; }') === own);
  results;
`);
assert.compareArray(results, ['Error', true, 'SyntaxError', true, 'own eval', true, 'own eval', true, 2, true, true, true, true]);
assertUnchanged(before);
