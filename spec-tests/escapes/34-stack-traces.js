/*---
description: "Class 34: stack traces leaking host frames, function names or paths to a guest, and V8-style stack APIs (captureStackTrace, prepareStackTrace with CallSite getThis/getFunction, stackTraceLimit)."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
