/*---
description: "Red team 2026-12: texts the parse-bound scan under-charged, so Boa's parser overflowed a 2 MiB host thread (process abort): a comma sequence in a computed optional member (a?.[0,0,…]), a parenthesized expression the parser clones level by level, and regular expressions after automatic semicolon insertion (var b\\n/}/) hiding real blocks. Through every evaluator each must run or be a SyntaxError."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const c = new Compartment({ __options__: true, name: 'attacker' });
const sources = [
  `({x: 1})?.[${'0,'.repeat(20000)}'x']`,
  `(({x: 1})[${'0,'.repeat(20000)}'x'])`,
  `(a => a${'.a'.repeat(20000)})`,
  `1;${'{var b\n/}/.x;\n'.repeat(2000)}1;${'var b\n/{/ / 1 / 1;};\n'.repeat(2000)}`,
  `1;${'{var b/*\n*//}/.x;\n'.repeat(2000)}1;${'var b\n/{/ / 1 / 1;};\n'.repeat(2000)}`,
];
const outcome = run => { try { run(); return 'ran'; } catch (e) { return e.constructor.name; } };
for (const source of sources) {
  for (const [name, run] of [
    ['evaluate', () => c.evaluate(source)],
    ['eval', () => c.evaluate(`(0, eval)(${JSON.stringify(source)})`)],
    ['Function', () => c.evaluate(`Function(${JSON.stringify(`return ${source}`)})`)],
    ['ModuleSource', () => new ModuleSource(`export default ${source.startsWith('1;') ? '0;' + source : source};`)],
  ]) {
    const result = outcome(run);
    assert(result === 'ran' || result === 'SyntaxError', `${name}: ${result} for ${source.slice(0, 30)}…`);
  }
}
assert.sameValue(c.evaluate('1 + 1'), 2);
assertIsolated(bystander, before);
