/*---
description: "realms-shim #70/#73/#74 (class 12), translated: source transforms and evaluate handed host objects, called polymorphically on guest values (a non-string source with its own search/replace, an array with a Symbol.species constructor), or run with a guest this."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const seen = attacker.evaluate(`
  const log = [];
  const spy = name => function () { log.push(name); return 'pwned = 1'; };
  const fakeSource = { toString: spy('toString'), valueOf: spy('valueOf'), search: spy('search'), replace: spy('replace'), [Symbol.toPrimitive]: spy('toPrimitive') };
  const attempts = [];
  const attempt = f => { try { f(); attempts.push('ran'); } catch (e) { attempts.push(e.constructor.name); } };
  attempt(() => new Compartment().evaluate(fakeSource));
  attempt(() => new Compartment().evaluate(new String('1')));
  // A transforms array whose species and iteration are hostile.
  const transforms = [function (source) { log.push(['transform', typeof source, this === undefined, arguments.length]); return source; }];
  Object.defineProperty(transforms, 'constructor', { value: { [Symbol.species]: function () { log.push('species'); return []; } } });
  Object.defineProperty(transforms, Symbol.iterator, { value: function* () { log.push('iterator'); } });
  attempt(() => new Compartment({ __options__: true, transforms }).evaluate('1'));
  attempt(() => new Compartment().evaluate('1', { transforms }));
  // A transform returning a non-string with its own conversions.
  attempt(() => new Compartment({ __options__: true, transforms: [() => fakeSource] }).evaluate('1'));
  attempt(() => new Compartment({ __options__: true, transforms: [() => new String('1')] }).evaluate('1'));
  ({ attempts, log: log.map(entry => Array.isArray(entry) ? entry.join() : entry) });
`);
assert.compareArray(seen.attempts, ['TypeError', 'TypeError', 'ran', 'ran', 'TypeError', 'TypeError']);
assert.compareArray(seen.log, ['transform,string,true,1', 'transform,string,true,1'], 'no guest method ran except the transforms, with only a string');
assert.sameValue(attacker.evaluate('typeof pwned'), 'undefined');
assertUnchanged(before);
