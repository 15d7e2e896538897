/*---
description: "Class 12: objects returned by host (start-compartment and Compartment API) functions exposing a mutable or unshared prototype, a working Function, or the start compartment's Date and Math."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const host = harden({
  object: () => ({ a: 1 }),
  array: () => [1, 2],
  error: () => new TypeError('t'),
  promise: async () => 1,
  fn: () => function hostMade() { return typeof assert; },
  date: () => new Date(0),
  regexp: () => /x/g,
  map: () => new Map([[1, 2]]),
  iterator: () => [1][Symbol.iterator](),
  generator: () => (function* () { yield 1; })(),
  compartmentGlobal: () => new Compartment().globalThis,
  evaluated: () => new Compartment().evaluate('({ nested: [new Set()] })'),
  arrayBuffer: () => new Uint8Array(4),
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host } });
const report = attacker.evaluate(`
  const report = [];
  for (const name of Object.keys(host)) {
    const value = host[name]();
    // A generator object inherits first from its generator function's own prototype object
    // (the host's to harden); the shared intrinsic is the next one, %GeneratorPrototype%.
    const own = Object.getPrototypeOf(value);
    const proto = name === 'generator' ? Object.getPrototypeOf(own) : own;
    let escape;
    try { value.constructor.constructor('return globalThis')(); escape = 'ESCAPED'; }
    catch (e) { escape = e instanceof TypeError ? 'inert' : 'other'; }
    let poisoned;
    try { proto.poisoned = name; poisoned = 'wrote'; } catch (e) { poisoned = e.constructor.name; }
    report.push([name, Object.isFrozen(proto), escape, poisoned]);
  }
  const d = host.date();
  report.push(['date powers', [() => d.constructor.now(), () => new d.constructor(), () => d.constructor()].map(f => {
    try { f(); return 'worked'; } catch (e) { return e.constructor.name; }
  }).join()]);
  report.push(['host function runs in the host', host.fn()()]);
  report;
`);
assert.sameValue(report.length, 15);
for (const entry of report.slice(0, 13)) {
  const [name, frozenProto, escape, poisoned] = entry;
  assert.sameValue(frozenProto, true, `${name}: prototype frozen`);
  assert.sameValue(escape, 'inert', `${name}: constructor.constructor`);
  assert.sameValue(poisoned, 'TypeError', `${name}: prototype cannot be poisoned`);
}
// A date the start compartment makes still leads only to %SharedDate%.
assert.compareArray(report[13], ['date powers', 'TypeError,TypeError,TypeError']);
// The host chose to hand over a function that reads its own globals: that is its grant.
assert.compareArray(report[14], ['host function runs in the host', 'function']);
assertUnchanged(before);
