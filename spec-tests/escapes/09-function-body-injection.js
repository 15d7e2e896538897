/*---
description: "Class 9: injecting code that runs at construction time through the parameters or body of a compartment's Function (and its child's)."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const injections = [
  ['a', '}, globalThis.pwned = 1, {'],
  ['a', '}); globalThis.pwned = 1; (function () {'],
  ['a) { }, globalThis.pwned = 1, function (b', ''],
  ['/*', '*/) { globalThis.pwned = 1'],
  ['a /*', '*/'],
  ['a = `', '`'],
  ['a = "', '"'],
  ['a = /', '/'],
  ['', '})(globalThis.pwned = 1)(function () {'],
  ['a', '\n})\n;globalThis.pwned = 1;\n(function () {\n'],
  ['-->', ''],
  // Annex B: an HTML open comment runs to the end of its line, so the parameter list is empty
  // and the function is built (test262 annexB/built-ins/Function/createdynfn-html-open-comment-params.js);
  // nothing of the text runs.
  ['<!--', '', 'built'],
  ['a\u2028) { globalThis.pwned = 1; }; (function (b', ''],
  ['...a, b', ''],
  ['a', '"use strict"; }, globalThis.pwned = 1, function () {'],
];
for (const evaluator of ['Function', 'new Compartment().globalThis.Function']) {
  for (const [params, body, expected = 'SyntaxError'] of injections) {
    const source = `
      globalThis.pwned = undefined;
      let outcome;
      try { ${evaluator}(${JSON.stringify(params)}, ${JSON.stringify(body)}); outcome = 'built'; }
      catch (error) { outcome = error.constructor.name; }
      [outcome, typeof pwned];
    `;
    const [outcome, pwned] = attacker.evaluate(source);
    assert.sameValue(outcome, expected, `${evaluator}(${JSON.stringify(params)}, ${JSON.stringify(body)})`);
    assert.sameValue(pwned, 'undefined', `${evaluator}: nothing ran for ${JSON.stringify(params)}`);
  }
}
// Default parameter expressions are legal and run only when the function is called.
assert.sameValue(attacker.evaluate(`
  globalThis.pwned = undefined;
  const f = Function('a = (globalThis.pwned = 1)', 'return a');
  const before = typeof pwned;
  f();
  before + ',' + pwned;
`), 'undefined,1');
assertUnchanged(before);
