/*---
description: "Review finding (issue 14, part 3): static source checks that disagreed with the parser (a division after '}' read as a regex, arrow chains not counted) let a few KB of source overflow the native stack; ModuleSource and module texts skipped the checks (a 'using' declaration in a module panicked Boa). Every entry point refuses what it cannot parse safely, with a SyntaxError."
---*/
lockdown();
const c = new Compartment({ __options__: true, name: 'attacker' });
const deep = n => '['.repeat(n) + ']'.repeat(n);
const sources = [
  `let x = {}/${deep(20000)}/1`,
  `let x = (1)/${deep(20000)}/1`,
  `let x = 1; x++/${deep(20000)}/1`,
  'x=>'.repeat(200000) + '1',
  '!'.repeat(200000) + '1',
  'if(a)'.repeat(200000) + ';',
  'a?b:'.repeat(200000) + '1',
  '`${'.repeat(20000) + '1' + '}`'.repeat(20000),
];
for (const source of sources) {
  assert.throws(SyntaxError, () => c.evaluate(source), source.slice(0, 20));
  assert.throws(SyntaxError, () => new c.globalThis.Function(source), 'Function ' + source.slice(0, 20));
  assert.throws(SyntaxError, () => new ModuleSource(source), 'ModuleSource ' + source.slice(0, 20));
}
for (const text of ['function f() { using x = null; }', 'export const y = 1; { using z = null; }', 'eval("1")']) {
  assert.throws(SyntaxError, () => new ModuleSource(text), text);
}
// Module texts from files: crates/compartment-run/tests/cli.rs `module_files_get_the_guest_checks`.
// Ordinary code of the same shapes, at sane depths, still runs.
assert.sameValue(c.evaluate(`let x = {}/${deep(50)}/1; typeof x`), 'number');
assert.sameValue(c.evaluate('(' + 'x=>'.repeat(100) + '1)' + '(0)'.repeat(100)), 1);
