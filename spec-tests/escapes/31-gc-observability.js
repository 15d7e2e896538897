/*---
description: "Class 31: observing garbage collection (WeakRef, FinalizationRegistry) from a compartment, by name or through any reachable object."
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
// Everything reachable from the attacker's global and from objects that only syntax makes,
// through own properties (values, getters, setters) and prototypes.
const reachableFromAttacker = attacker => attacker.evaluate(`
  const proto = Object.getPrototypeOf;
  const roots = [
    ['globalThis', globalThis],
    ['%GeneratorPrototype%', proto(proto((function* () {})()))],
    ['%AsyncGeneratorPrototype%', proto(proto((async function* () {})()))],
    ['%AsyncFunction.prototype%', proto(async function () {})],
    ['%AsyncArrowFunction.prototype%', proto(async () => {})],
    ['%ArrayIteratorPrototype%', proto([].values())],
    ['%MapIteratorPrototype%', proto(new Map().values())],
    ['%SetIteratorPrototype%', proto(new Set().values())],
    ['%StringIteratorPrototype%', proto(''[Symbol.iterator]())],
    ['%RegExpStringIteratorPrototype%', proto(/x/g[Symbol.matchAll](''))],
    ['%IteratorHelperPrototype%', proto([].values().map(x => x))],
    ['%WrapForValidIteratorPrototype%', proto(Iterator.from({ next() {} }))],
    ['%ThrowTypeError%', Object.getOwnPropertyDescriptor((function () { return arguments; })(), 'callee').get],
    ['%TypedArray%', proto(Int8Array)],
    ['arguments.__proto__', proto((function () { return arguments; })())],
    ['promise capability.__proto__', proto(Promise.withResolvers().resolve)],
    ['revoke.__proto__', proto(Proxy.revocable({}, {}).revoke)],
    ['template object.__proto__', proto((s => s)\`t\`)],
    ['engine error.__proto__', proto((() => { try { null.x; } catch (e) { return e; } })())],
  ];
  const seen = new Map();
  const queue = [];
  const visit = (value, path) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.set(value, path);
    queue.push(value);
  };
  for (const [path, value] of roots) visit(value, path);
  for (let i = 0; i < queue.length; i += 1) {
    const object = queue[i];
    const path = seen.get(object);
    visit(proto(object), path + '.__proto__');
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      const name = path + '.' + String(key);
      visit(d.value, name);
      visit(d.get, name + '<get>');
      visit(d.set, name + '<set>');
    }
  }
  [...seen];
`);
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate('typeof WeakRef + typeof FinalizationRegistry'), 'undefinedundefined');
const reachable = new Set(reachableFromAttacker(attacker).map(([object]) => object));
assert(reachable.size > 700);
for (const [name, object] of [['WeakRef', WeakRef], ['WeakRef.prototype', WeakRef.prototype],
  ['FinalizationRegistry', FinalizationRegistry], ['FinalizationRegistry.prototype', FinalizationRegistry.prototype]]) {
  assert.sameValue(reachable.has(object), false, `${name} is reachable from a compartment`);
}
// WeakMap and WeakSet stay: they cannot reveal collection.
assert.sameValue(attacker.evaluate('const k = {}; new WeakMap([[k, 1]]).get(k) + new WeakSet([k]).has(k)'), 2);
assertUnchanged(before);
