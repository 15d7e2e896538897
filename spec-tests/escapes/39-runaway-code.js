/*---
description: "Class 39: guest input that would crash the host instead of failing (source nested deeper than the parser's stack, in evaluate, eval and Function); the uncatchable recursion limit is checked from Rust (tests/host_boundary.rs), loop and time limits come with the resource-limits work."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const depth = 100000;
const deep = {
  arrays: '['.repeat(depth) + ']'.repeat(depth),
  parens: '('.repeat(depth) + '1' + ')'.repeat(depth),
  unary: '-'.repeat(depth) + '1',
  blocks: '{'.repeat(depth) + '}'.repeat(depth),
  functions: 'function f(){'.repeat(depth) + '}'.repeat(depth),
};
for (const [name, source] of Object.entries(deep)) {
  assert.throws(SyntaxError, () => attacker.evaluate(source), `evaluate: ${name}`);
  attacker.globalThis.source = source;
  assert.sameValue(attacker.evaluate('try { (0, eval)(source); "ran"; } catch (e) { e.constructor.name; }'), 'SyntaxError', `eval: ${name}`);
  assert.sameValue(attacker.evaluate('try { Function(source); "ran"; } catch (e) { e.constructor.name; }'), 'SyntaxError', `Function: ${name}`);
  assert.sameValue(attacker.evaluate('try { Function(source, ""); "ran"; } catch (e) { e.constructor.name; }'), 'SyntaxError', `Function parameters: ${name}`);
}
delete attacker.globalThis.source;
// Legitimate recursion below the engine's limit still works, and the engine stays usable.
assert.sameValue(attacker.evaluate('const f = n => n === 0 ? 0 : 1 + f(n - 1); f(300)'), 300);
assertUnchanged(before);
