/*---
description: "Class 2: reaching the realm's AsyncFunction, GeneratorFunction and AsyncGeneratorFunction constructors from syntax and from the objects they make."
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
