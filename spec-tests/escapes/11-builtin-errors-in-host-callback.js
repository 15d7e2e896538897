/*---
description: "Class 11: errors raised by builtins while a host (start-compartment) frame is on the stack, e.g. a host function that calls back into guest code, handing the guest a working Function."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
