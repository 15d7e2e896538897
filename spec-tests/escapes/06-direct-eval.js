/*---
description: "Class 6: getting a direct eval (the realm's %eval%, which runs sloppy code in the shared realm) from compartment code by any syntactic form or by racing the evaluator's armed lookup."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
// Every form that is a direct eval call in the grammar is refused before anything runs.
const directForms = [
  'eval("globalThis")',
  '(eval)("globalThis")',
  '((eval))("globalThis")',
  'eval(...["globalThis"])',
  '(() => { const x = 1; return eval("x"); })()',
  'function f(a = eval("1")) {} f()',
  'class K { static m() { return eval("this"); } } K.m()',
  '({ [eval("1")]: 1 })',
  '`${eval("1")}`',
  'if (true) { eval("1"); }',
];
for (const source of directForms) {
  assert.throws(SyntaxError, () => attacker.evaluate(`globalThis.ran = true; ${source}`), source);
  assert.sameValue(attacker.evaluate('typeof ran'), 'undefined', `${source}: nothing ran`);
  assert.throws(SyntaxError, () => attacker.evaluate(`(0, eval)(${JSON.stringify(source)})`), `eval of ${source}`);
  assert.throws(SyntaxError, () => attacker.evaluate(`Function(${JSON.stringify(source)})`), `Function of ${source}`);
}
// Forms that are not direct evals reach only the compartment's own eval.
const own = attacker.evaluate(`
  const own = globalThis.eval;
  [
    eval?.('globalThis') === globalThis,
    (0, eval)('eval') === own,
    // Completion values that depend on control flow take the evaluator's direct-eval path;
    // the name eval inside it must still be the compartment's own.
    (0, eval)('if (true) eval; else 0;') === own,
    (0, eval)('switch (1) { case 1: eval; }') === own,
    (0, eval)('try { eval; } finally {}') === own,
    Function('return eval')() === own,
    new (class { constructor() { return { e: eval }; } })().e === own,
  ];
`);
assert.compareArray(own, [true, true, true, true, true, true, true]);
// A guest accessor on its own eval is consulted for guest lookups, never for the evaluator's.
const log = attacker.evaluate(`
  const own = globalThis.eval;
  const log = [];
  Object.defineProperty(globalThis, 'eval', { get() { log.push('get'); return own; }, configurable: true });
  own('if (true) 1; else 2;');
  own('for (const x of [1]) x;');
  log.push(typeof eval);
  log;
`);
assert.compareArray(log, ['get', 'function']);
// An evaluation that fails inside the direct-eval path leaves nothing armed.
const afterFailure = attacker.evaluate(`
  const own = Object.getOwnPropertyDescriptor(globalThis, 'eval').get();
  delete globalThis.eval;
  globalThis.eval = own;
  const results = [];
  for (const source of ['if (true) throw 1;', 'if (true) { x = }', 'if (true) undefinedName;']) {
    try { own(source); } catch (error) { results.push(typeof error); }
    results.push(eval === own, (0, eval)('if (1) eval;') === own);
  }
  results;
`);
assert.compareArray(afterFailure, ['number', true, true, 'object', true, true, 'object', true, true]);
assertUnchanged(before);
