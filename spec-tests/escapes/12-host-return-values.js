/*---
description: "Class 12: objects returned by host (start-compartment and Compartment API) functions exposing a mutable or unshared prototype, a working Function, or the start compartment's Date and Math."
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
