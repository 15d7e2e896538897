/*---
description: "Class 21: a compartment mutating, replacing or hardening its own globalThis (which is not frozen) affecting other compartments or the start compartment."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(Object.isFrozen(attacker.globalThis), false, 'a compartment global is not frozen (as in SES and XS)');
const seen = attacker.evaluate(`
  const { isFrozen } = Object;
  globalThis.added = 1;
  delete globalThis.Array;
  globalThis.Object = function FakeObject() {};
  Reflect.defineProperty(globalThis, 'JSON', { get() { return 'fake'; }, configurable: true });
  delete globalThis.eval;
  delete globalThis.Function;
  delete globalThis.Compartment;
  globalThis.globalThis = { fake: true };
  const afterMutation = [typeof Array, Object.name, JSON, typeof eval, typeof Function, typeof Compartment, globalThis.fake].join();
  harden(this);
  let write;
  try { this.more = 1; write = 'wrote'; } catch (e) { write = e.constructor.name; }
  [afterMutation, isFrozen(this), write];
`);
assert.compareArray(seen, ['undefined,FakeObject,fake,undefined,undefined,undefined,true', true, 'TypeError']);
// Shared intrinsics are untouched: the attacker only changed which values its own global holds.
assert.sameValue(new Compartment().evaluate('[typeof Array, Object.name, typeof JSON.stringify, typeof eval].join()'), 'function,Object,function,function');
assertUnchanged(before);
