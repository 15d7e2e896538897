/*---
description: "Class 11: errors raised by builtins while a host (start-compartment) frame is on the stack, e.g. a host function that calls back into guest code, handing the guest a working Function."
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
// Host code that calls guest callbacks through builtins and reflective calls.
const host = harden({
  apply: (fn, ...args) => Reflect.apply(fn, undefined, args),
  map: (list, fn) => Array.prototype.map.call(list, fn),
  construct: (C, args) => Reflect.construct(C, args),
  failAfter: fn => { fn(); return [].reduce(() => 0); },
  rethrow: fn => { try { fn(); } catch (error) { throw new Error('wrapped', { cause: error }); } },
  sort: (list, compare) => [...list].sort(compare),
  json: (value, replacer) => JSON.stringify(value, replacer),
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host } });
const report = attacker.evaluate(`
  const attempts = {
    applyBuiltinError: () => host.apply(() => null.x),
    applyNative: () => host.apply(Array.prototype.reduce),
    mapCallbackError: () => host.map([1], () => undefinedName),
    mapNotCallable: () => host.map([1], 1),
    constructNonConstructor: () => host.construct(() => {}, []),
    constructInert: () => host.construct(Function.prototype.constructor, ['return 1']),
    failAfter: () => host.failAfter(() => {}),
    rethrowCause: () => host.rethrow(() => null.x),
    sortComparator: () => host.sort([2, 1], () => { throw new TypeError('mine'); }),
    jsonCycle: () => host.json((() => { const o = {}; o.o = o; return o; })()),
    jsonReplacer: () => host.json({ a: 1 }, () => 1n),
    applyRevokedProxy: () => { const { proxy, revoke } = Proxy.revocable(() => {}, {}); revoke(); host.apply(proxy); },
  };
  const report = [];
  for (const [name, attempt] of Object.entries(attempts)) {
    let error;
    try { attempt(); } catch (e) { error = e; }
    const errors = error && error.cause ? [error, error.cause] : [error];
    for (const e of errors) {
      let escape = 'no error';
      if (e !== undefined) {
        try { e.constructor.constructor('return globalThis')(); escape = 'ESCAPED'; }
        catch (x) { escape = x instanceof TypeError ? 'inert' : 'other'; }
      }
      report.push([name, escape, e instanceof Error && Object.isFrozen(Object.getPrototypeOf(e)), e && String(e.stack) === String(e)]);
    }
  }
  report;
`);
assert.sameValue(report.length, 13);
for (const [name, escape, sharedFrozen, stackIsText] of report) {
  assert.sameValue(escape, 'inert', `${name}: e.constructor.constructor`);
  assert.sameValue(sharedFrozen, true, `${name}: shared, frozen error prototype`);
  assert.sameValue(stackIsText, true, `${name}: stack shows no frames`);
}
assertUnchanged(before);
