/*---
description: "Class 10 (modules): errors thrown by the host-implemented ModuleSource and module loading carrying Rust error renderings (the error name, frame markers such as (native)) in their message, or a working constructor."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
