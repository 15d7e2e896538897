/*---
description: "Class 9: injecting code that runs at construction time through the parameters or body of a compartment's Function (and its child's)."
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
const injections = [
  ['a', '}, globalThis.pwned = 1, {'],
  ['a', '}); globalThis.pwned = 1; (function () {'],
  ['a) { }, globalThis.pwned = 1, function (b', ''],
  ['/*', '*/) { globalThis.pwned = 1'],
  ['a /*', '*/'],
  ['a = `', '`'],
  ['a = "', '"'],
  ['a = /', '/'],
  ['', '})(globalThis.pwned = 1)(function () {'],
  ['a', '\n})\n;globalThis.pwned = 1;\n(function () {\n'],
  ['-->', ''],
  ['<!--', ''],
  ['a\u2028) { globalThis.pwned = 1; }; (function (b', ''],
  ['...a, b', ''],
  ['a', '"use strict"; }, globalThis.pwned = 1, function () {'],
];
for (const evaluator of ['Function', 'new Compartment().globalThis.Function']) {
  for (const [params, body] of injections) {
    const source = `
      globalThis.pwned = undefined;
      let outcome;
      try { ${evaluator}(${JSON.stringify(params)}, ${JSON.stringify(body)}); outcome = 'built'; }
      catch (error) { outcome = error.constructor.name; }
      [outcome, typeof pwned];
    `;
    const [outcome, pwned] = attacker.evaluate(source);
    assert.sameValue(outcome, 'SyntaxError', `${evaluator}(${JSON.stringify(params)}, ${JSON.stringify(body)})`);
    assert.sameValue(pwned, 'undefined', `${evaluator}: nothing ran for ${JSON.stringify(params)}`);
  }
}
// Default parameter expressions are legal and run only when the function is called.
assert.sameValue(attacker.evaluate(`
  globalThis.pwned = undefined;
  const f = Function('a = (globalThis.pwned = 1)', 'return a');
  const before = typeof pwned;
  f();
  before + ',' + pwned;
`), 'undefined,1');
assertUnchanged(before);
