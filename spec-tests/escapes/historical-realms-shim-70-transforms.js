/*---
description: "realms-shim #70/#73/#74 (class 12), translated: source transforms and evaluate handed host objects, called polymorphically on guest values (a non-string source with its own search/replace, an array with a Symbol.species constructor), or run with a guest this."
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
const seen = attacker.evaluate(`
  const log = [];
  const spy = name => function () { log.push(name); return 'pwned = 1'; };
  const fakeSource = { toString: spy('toString'), valueOf: spy('valueOf'), search: spy('search'), replace: spy('replace'), [Symbol.toPrimitive]: spy('toPrimitive') };
  const attempts = [];
  const attempt = f => { try { f(); attempts.push('ran'); } catch (e) { attempts.push(e.constructor.name); } };
  attempt(() => new Compartment().evaluate(fakeSource));
  attempt(() => new Compartment().evaluate(new String('1')));
  // A transforms array whose species and iteration are hostile.
  const transforms = [function (source) { log.push(['transform', typeof source, this === undefined, arguments.length]); return source; }];
  Object.defineProperty(transforms, 'constructor', { value: { [Symbol.species]: function () { log.push('species'); return []; } } });
  Object.defineProperty(transforms, Symbol.iterator, { value: function* () { log.push('iterator'); } });
  attempt(() => new Compartment({ __options__: true, transforms }).evaluate('1'));
  attempt(() => new Compartment().evaluate('1', { transforms }));
  // A transform returning a non-string with its own conversions.
  attempt(() => new Compartment({ __options__: true, transforms: [() => fakeSource] }).evaluate('1'));
  attempt(() => new Compartment({ __options__: true, transforms: [() => new String('1')] }).evaluate('1'));
  ({ attempts, log: log.map(entry => Array.isArray(entry) ? entry.join() : entry) });
`);
assert.compareArray(seen.attempts, ['TypeError', 'TypeError', 'ran', 'ran', 'TypeError', 'TypeError']);
assert.compareArray(seen.log, ['transform,string,true,1', 'transform,string,true,1'], 'no guest method ran except the transforms, with only a string');
assert.sameValue(attacker.evaluate('typeof pwned'), 'undefined');
assertUnchanged(before);
