/*---
description: "Class 34: stack traces leaking host frames, function names or paths to a guest, and V8-style stack APIs (captureStackTrace, prepareStackTrace with CallSite getThis/getFunction, stackTraceLimit)."
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
  secretHostFunctionName() { throw new TypeError('from host'); },
  callsBack(fn) { return (function anotherSecretHostFrame() { return fn(); })(); },
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host } });
const seen = attacker.evaluate(`
  const leaked = [];
  const attempt = f => { try { f(); return 'worked'; } catch (e) { return e.constructor.name; } };
  const setPrepare = attempt(() => { Error.prepareStackTrace = (e, sites) => { leaked.push(sites); return 'hooked'; }; });
  class Sub extends Error {}
  Sub.prepareStackTrace = (e, sites) => { leaked.push(sites); return 'hooked'; };
  Sub.captureStackTrace = () => leaked.push('capture');
  const errors = [];
  try { host.secretHostFunctionName(); } catch (e) { errors.push(e); }
  try { host.callsBack(() => { throw new Sub('guest'); }); } catch (e) { errors.push(e); }
  try { host.callsBack(() => null.x); } catch (e) { errors.push(e); }
  errors.push(new Error('plain'), new Sub('sub'));
  const getter = Object.getOwnPropertyDescriptor(Error.prototype, 'stack').get;
  ({
    setPrepare,
    apis: [typeof Error.captureStackTrace, typeof Error.prepareStackTrace, typeof Error.stackTraceLimit],
    stacks: errors.map(e => [String(e.stack), String(e), getter.call(e)]),
    leaked: leaked.length,
  });
`);
assert.sameValue(seen.setPrepare, 'TypeError');
assert.compareArray(seen.apis, ['undefined', 'undefined', 'undefined']);
assert.sameValue(seen.leaked, 0, 'no stack hook ran');
assert.sameValue(seen.stacks.length, 5);
for (const [stack, text, viaGetter] of seen.stacks) {
  assert.sameValue(stack, text, 'the stack is the error text');
  assert.sameValue(viaGetter, text);
  assert(!/secretHostFunctionName|anotherSecretHostFrame|\bat\b|:\d+:\d+|\.rs\b|\//.test(stack), `stack leaks: ${stack}`);
}
assertUnchanged(before);
