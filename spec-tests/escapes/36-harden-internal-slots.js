/*---
description: "Class 36: mutable internal slots that harden does not cover (Map, Set, WeakMap, Date, ArrayBuffer, DataView, typed arrays, promises, generators) on any shared intrinsic reachable from a compartment."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
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
