/*---
description: "Class 39: guest input that would crash the host instead of failing (source nested deeper than the parser's stack, in evaluate, eval and Function); the uncatchable recursion limit is checked from Rust (tests/host_boundary.rs), loop and time limits come with the resource-limits work."
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
