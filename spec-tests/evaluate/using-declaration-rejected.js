/*---
description: >
  `using` and `await using` declarations are a SyntaxError in every kind of compartment code
  (Boa 0.22 parses them but its compiler panics; no guest input may crash the host).
---*/
const c = new Compartment();
const rejects = (what, run) => {
  let error;
  try { run(); } catch (e) { error = e; }
  assert(error instanceof SyntaxError, `${what}: expected a SyntaxError, got ${error}`);
  assert(/using/.test(error.message), `${what}: the message names the declaration: ${error.message}`);
};
rejects('evaluate', () => c.evaluate('{ using x = null; }'));
rejects('evaluate, function body', () => c.evaluate('(function () { using x = { [Symbol.dispose]() {} }; })'));
rejects('evaluate, for head', () => c.evaluate('for (using x of []) {}'));
rejects('evaluate, async function', () => c.evaluate('(async function () { await using x = null; })'));
rejects('indirect eval', () => c.globalThis.eval('{ using x = undefined; }'));
rejects('Function', () => c.globalThis.Function('using x = null;'));
// `using` as a property name is still fine (Boa 0.22's parser rejects it as a variable name).
assert.sameValue(c.evaluate('({ using: 2 }).using * 3'), 6);
rejects('module source', () => new ModuleSource('using x = null; export {};'));
rejects('module source, await using', () => new ModuleSource('await using x = null;'));
