/*---
description: "SES #1305 (class 19), translated: probing which globals exist in the start compartment or the host (typeof, in, Reflect.has, hasOwn, error messages, sloppy-globals reads) from a compartment."
---*/
globalThis.hostOnlyGlobal = 'host';
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
const names = ['hostOnlyGlobal', 'assert', 'mutabilities', 'Test262Error', 'SharedArrayBuffer', 'WeakRef', 'process', 'require', 'console', 'print'];
const seen = attacker.evaluate(`(names) => names.map(name => {
  let message;
  try { (0, eval)(name); message = 'read'; } catch (e) { message = e.constructor.name + ': ' + e.message.replace(name, 'NAME'); }
  return [(0, eval)('typeof ' + name), name in globalThis, Reflect.has(globalThis, name), Object.hasOwn(globalThis, name), message];
})`)(names);
const sloppy = attacker.evaluate(`[${names.map(n => `typeof ${n}`).join(', ')}, ${names.map(n => `String(globalThis.${n})`).join(', ')}]`, { sloppyGlobalsMode: true });
const expected = seen[seen.length - 1];
for (let i = 0; i < names.length; i += 1) {
  // Every absent name answers exactly like a name nobody has.
  assert.compareArray(seen[i], ['undefined', false, false, false, 'ReferenceError: NAME is not defined'], names[i]);
  assert.sameValue(sloppy[i], 'undefined', `${names[i]} under sloppy globals`);
  assert.sameValue(sloppy[names.length + i], 'undefined');
}
assert.compareArray(expected, seen[0]);
assertUnchanged(before);
