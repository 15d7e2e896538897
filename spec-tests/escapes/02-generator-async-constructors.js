/*---
description: "Class 2: reaching the realm's AsyncFunction, GeneratorFunction and AsyncGeneratorFunction constructors from syntax and from the objects they make."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const source = 'return globalThis';
  const proto = Object.getPrototypeOf;
  const constructors = {
    asyncFunction: proto(async function () {}).constructor,
    asyncArrow: proto(async () => {}).constructor,
    asyncMethod: proto({ async m() {} }.m).constructor,
    generator: proto(function* () {}).constructor,
    generatorMethod: proto({ *m() {} }.m).constructor,
    asyncGenerator: proto(async function* () {}).constructor,
    // A generator object's constructor chain: %GeneratorPrototype% -> %GeneratorFunction.prototype%.
    generatorObject: (function* () {})().constructor.constructor,
    asyncGeneratorObject: (async function* () {})().constructor.constructor,
    // The async iterator helpers and the generator prototype's own constructor property.
    generatorPrototype: proto(proto((function* () {})())).constructor.constructor,
  };
  const out = {};
  for (const [name, make] of Object.entries(constructors)) {
    const results = [];
    for (const call of [f => f(source), f => new f(source), f => Reflect.construct(f, [source])]) {
      try { results.push(call(make)); } catch (error) { results.push(error); }
    }
    out[name] = results;
  }
  out;
`);
assert.sameValue(Object.keys(outcomes).length, 9);
for (const [name, results] of Object.entries(outcomes)) {
  for (const outcome of results) assert(outcome instanceof TypeError, `${name} must throw a TypeError`);
}
assertUnchanged(before);
