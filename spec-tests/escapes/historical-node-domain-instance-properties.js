/*---
description: "Node domain (SES #113, class 30), translated: the engine or the host adding own properties to intrinsic instances (promises, functions, errors, iterators, compartments, arguments) that escape freezing and become a channel."
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
const keys = attacker.evaluate(`
  const keys = o => Reflect.ownKeys(o).map(String).sort().join();
  ({
    promise: keys(Promise.resolve()),
    asyncResult: keys((async () => {})()),
    rejected: keys((() => { const p = Promise.reject(1); p.catch(() => {}); return p; })()),
    arrow: keys(() => {}),
    asyncFunction: keys(async function () {}),
    error: keys(new Error('m')),
    engineError: keys((() => { try { null.x; } catch (e) { return e; } })()),
    generator: keys((function* () {})()),
    iterator: keys([].values()),
    compartment: keys(new Compartment()),
    boundFunction: keys((function () {}).bind()),
    regexp: keys(/x/),
    argumentsObject: keys((function () { return arguments; })()),
  });
`);
assert.sameValue(keys.promise, '');
assert.sameValue(keys.asyncResult, '');
assert.sameValue(keys.rejected, '');
assert.sameValue(keys.arrow, 'length,name');
assert.sameValue(keys.asyncFunction, 'length,name');
assert.sameValue(keys.error, 'message');
assert.sameValue(keys.engineError, 'message');
assert.sameValue(keys.generator, '');
assert.sameValue(keys.iterator, '');
assert.sameValue(keys.compartment, '');
assert.sameValue(keys.boundFunction, 'length,name');
assert.sameValue(keys.regexp, 'lastIndex');
assert.sameValue(keys.argumentsObject, 'Symbol(Symbol.iterator),callee,length');
assertUnchanged(before);
