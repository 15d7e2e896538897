/*---
description: "Class 10 (modules): errors thrown by the host-implemented ModuleSource and module loading carrying Rust error renderings (the error name, frame markers such as (native)) in their message, or a working constructor."
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
const report = attacker.evaluate(`
  const attempts = {
    directEval: () => new ModuleSource('export default eval("globalThis");'),
    parseError: () => new ModuleSource('export default }'),
    withStatement: () => new ModuleSource('with ({}) {}'),
    badOptions: () => new ModuleSource('', { with: { type: 'unknown-type' } }),
    importNowNoHook: () => new Compartment().importNow('x'),
  };
  const report = [];
  for (const [name, attempt] of Object.entries(attempts)) {
    let error;
    try { attempt(); } catch (e) { error = e; }
    if (error === undefined) { report.push([name, 'nothing thrown']); continue; }
    let escape;
    try { error.constructor.constructor('return globalThis')(); escape = 'ESCAPED'; } catch (e) { escape = 'inert'; }
    report.push([name, escape, error instanceof Error && Object.isFrozen(Object.getPrototypeOf(error)), String(error.message)]);
  }
  report;
`);
for (const [name, escape, shared, message] of report) {
  assert.sameValue(escape, 'inert', `${name}: constructor.constructor`);
  assert.sameValue(shared, true, `${name}: shared frozen error`);
  assert(!/^\w*Error: |\(native\)|\.rs\b|src\/|boa_/.test(message), `${name}: message carries a Rust rendering: ${message}`);
}
assertUnchanged(before);
