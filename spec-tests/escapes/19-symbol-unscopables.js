/*---
description: "Class 19 (realms-shim with-escape): a Symbol.unscopables on a compartment's global, or on shared prototypes, making name lookups skip the compartment and fall through to the start compartment."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { endowed: 'mine' } });
const seen = attacker.evaluate(`
  const log = [];
  globalThis[Symbol.unscopables] = { Object: true, endowed: true, startOnly: true, assert: true };
  const first = [typeof Object, endowed, typeof startOnly, typeof assert].join();
  Object.defineProperty(globalThis, Symbol.unscopables, { get() { log.push('consulted'); return { endowed: true }; } });
  const second = [endowed, typeof startOnly].join();
  let writes = [];
  for (const target of [Object.prototype, Array.prototype, Function.prototype]) {
    try { target[Symbol.unscopables] = { endowed: true }; writes.push('wrote'); } catch (e) { writes.push(e.constructor.name); }
  }
  try { Array.prototype[Symbol.unscopables].flat = false; writes.push('wrote'); } catch (e) { writes.push(e.constructor.name); }
  [first, second, log.length, writes.join(), Object.isFrozen(Array.prototype[Symbol.unscopables])];
`);
assert.compareArray(seen, ['function,mine,undefined,undefined', 'mine,undefined', 0, 'TypeError,TypeError,TypeError,TypeError', true]);
// with is not available to compartment code at all.
assert.throws(SyntaxError, () => attacker.evaluate('with ({}) { startOnly; }'));
assert.throws(SyntaxError, () => attacker.evaluate('(0, eval)("with ({}) {}")'));
assertUnchanged(before);
