/*---
description: "Class 5: a compartment's own eval and Function reaching the start compartment's global or leaving declarations in it."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
