/*---
description: "Class 36: mutable internal slots that harden does not cover (Map, Set, WeakMap, Date, ArrayBuffer, DataView, typed arrays, promises, generators) on any shared intrinsic reachable from a compartment."
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
// Every method that changes an internal slot, applied to every shared object a compartment
// reaches: none may succeed, or that object would be a channel despite being frozen.
const hits = attacker.evaluate(`(reachable) => {
  const proto = Object.getPrototypeOf;
  const mutators = [
    ['Map.set', o => Map.prototype.set.call(o, 1, 1)],
    ['Map.clear', o => Map.prototype.clear.call(o)],
    ['Set.add', o => Set.prototype.add.call(o, 1)],
    ['WeakMap.set', o => WeakMap.prototype.set.call(o, {}, 1)],
    ['WeakSet.add', o => WeakSet.prototype.add.call(o, {})],
    ['Date.setTime', o => Date.prototype.setTime.call(o, 1)],
    ['ArrayBuffer.resize', o => ArrayBuffer.prototype.resize.call(o, 0)],
    ['ArrayBuffer.transfer', o => ArrayBuffer.prototype.transfer.call(o)],
    ['DataView.setInt8', o => DataView.prototype.setInt8.call(o, 0, 1)],
    ['TypedArray.fill', o => proto(Int8Array).prototype.fill.call(o, 1)],
    ['TypedArray.set', o => proto(Int8Array).prototype.set.call(o, [1])],
    ['Promise.then', o => Promise.prototype.then.call(o, () => {})],
    ['Generator.next', o => proto(proto((function* () {})())).next.call(o)],
    ['AsyncGenerator.next', o => proto(proto((async function* () {})())).next.call(o)],
    ['ArrayIterator.next', o => proto([].values()).next.call(o)],
    ['RegExp.exec', o => RegExp.prototype.exec.call(o, 'x')],
    ['Array.push', o => Array.prototype.push.call(o, 1)],
  ];
  // Each attempt catches in its own frame: Boa 0.22 leaks value-stack slots for every
  // exception a frame catches from a callee, and thousands in one frame exhaust the stack.
  const changed = (name, mutate, object) => {
    let result;
    try { result = mutate(object); } catch (e) { return false; }
    // An async generator's next reports a bad receiver by rejecting.
    if (result instanceof Promise) { result.catch(() => {}); return name !== 'AsyncGenerator.next'; }
    return true;
  };
  const hits = [];
  for (const [object, path] of reachable) {
    if (object === globalThis) continue;
    for (const [name, mutate] of mutators) if (changed(name, mutate, object)) hits.push(name + ' on ' + path);
  }
  return hits;
}`)(reachableFromAttacker(attacker));
assert.compareArray(hits, [], 'internal-slot mutations that succeeded on shared objects');
// The start compartment's audit agrees: only the fresh global itself is mutable.
for (const path of mutabilities(attacker.globalThis)) assert(path.startsWith('root:'), `mutable: ${path}`);
// What harden does not cover, for hosts to know: a hardened Map still changes.
const map = harden(new Map());
map.set('k', 'v');
assert.sameValue(map.get('k'), 'v');
assertUnchanged(before);
