/*---
description: "Node domain (SES #113, class 30), translated: the engine or the host adding own properties to intrinsic instances (promises, functions, errors, iterators, compartments, arguments) that escape freezing and become a channel."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const keys = attacker.evaluate(`
  const keys = o => Reflect.ownKeys(o).map(String).sort().join();
  ({
    promise: keys(Promise.resolve()),
    asyncResult: keys((async () => {})()),
    rejected: keys((() => { const p = Promise.reject(1); p.catch(() => {}); return p; })()),
    arrow: keys(() => {}),
    asyncFunction: keys(async function () {}),
    error: keys(new Error('m')),
    engineError: keys((() => { try { null.x; } catch (e) { return e; } })()),
    generator: keys((function* () {})()),
    iterator: keys([].values()),
    compartment: keys(new Compartment()),
    boundFunction: keys((function () {}).bind()),
    regexp: keys(/x/),
    argumentsObject: keys((function () { return arguments; })()),
  });
`);
assert.sameValue(keys.promise, '');
assert.sameValue(keys.asyncResult, '');
assert.sameValue(keys.rejected, '');
assert.sameValue(keys.arrow, 'length,name');
assert.sameValue(keys.asyncFunction, 'length,name');
assert.sameValue(keys.error, 'message');
assert.sameValue(keys.engineError, 'message');
assert.sameValue(keys.generator, '');
assert.sameValue(keys.iterator, '');
assert.sameValue(keys.compartment, '');
assert.sameValue(keys.boundFunction, 'length,name');
assert.sameValue(keys.regexp, 'lastIndex');
assert.sameValue(keys.argumentsObject, 'Symbol(Symbol.iterator),callee,length');
assertUnchanged(before);
