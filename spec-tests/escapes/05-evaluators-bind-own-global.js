/*---
description: "Class 5: a compartment's own eval and Function reaching the start compartment's global or leaving declarations in it."
---*/
globalThis.startOnly = 'start secret';
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
  const ownGlobal = globalThis;
  ({
    indirectThis: (0, eval)('this') === ownGlobal,
    indirectGlobalThis: (0, eval)('globalThis') === ownGlobal,
    callThis: eval.call(undefined, 'this') === ownGlobal,
    reflectThis: Reflect.apply(eval, undefined, ['this']) === ownGlobal,
    functionThis: Function('return this')(),
    functionGlobalThis: Function('return globalThis')() === ownGlobal,
    newFunctionGlobalThis: new Function('return globalThis')() === ownGlobal,
    nestedSloppyThis: (0, eval)('(function () { return this; })()'),
    functionInEval: (0, eval)('Function("return globalThis")')() === ownGlobal,
    evalInFunction: Function('return (0, eval)("globalThis")')() === ownGlobal,
    startNames: [(0, eval)('typeof startOnly'), Function('return typeof assert')(), (0, eval)('typeof lockdown')],
  });
`);
assert.sameValue(seen.indirectThis, true);
assert.sameValue(seen.indirectGlobalThis, true);
assert.sameValue(seen.callThis, true);
assert.sameValue(seen.reflectThis, true);
assert.sameValue(seen.functionThis, undefined, 'Function bodies are strict');
assert.sameValue(seen.functionGlobalThis, true);
assert.sameValue(seen.newFunctionGlobalThis, true);
assert.sameValue(seen.nestedSloppyThis, undefined, 'eval code is strict');
assert.sameValue(seen.functionInEval, true);
assert.sameValue(seen.evalInFunction, true);
assert.compareArray(seen.startNames, ['undefined', 'undefined', 'function']);
// Declarations made by the evaluators stay local to the evaluation.
attacker.evaluate(`(0, eval)('var leakedVar = 1; function leakedFunction() {}'); Function('var leakedBody = 1')();`);
assert.sameValue(attacker.evaluate('typeof leakedVar + typeof leakedFunction + typeof leakedBody'), 'undefinedundefinedundefined');
assert.sameValue(typeof leakedVar, 'undefined');
assert.sameValue(typeof leakedFunction, 'undefined');
assertUnchanged(before);
