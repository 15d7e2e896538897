/*---
description: "Ownership is a property of the code: every way compartment code comes into existence (evaluate, both of its compilation paths, the compartment's eval and Function, modules, generators resumed elsewhere, async functions resumed by jobs, bound functions, getters and callbacks run by natives, class members) resolves globals in the compartment that made it, whoever calls it; and the realm's own evaluators, which would make code with no owner, refuse to compile."
flags: [async]
---*/
const a = new Compartment({
  __options__: true, name: 'a', globals: { secret: 'a' },
  modules: { m: { source: new ModuleSource('export const f = () => typeof secret + ":" + secret;') } },
});
const b = new Compartment({ __options__: true, name: 'b', globals: { secret: 'b' } });
const read = 'typeof secret + ":" + secret';
const made = {
  evaluateBody: a.evaluate(`() => ${read}`),
  evaluateControlFlow: a.evaluate(`if (true) { () => ${read} }`),
  compartmentEval: a.globalThis.eval(`() => ${read}`),
  compartmentIndirectEval: a.evaluate(`(0, eval)(${JSON.stringify(`() => ${read}`)})`),
  compartmentFunction: new a.globalThis.Function(`return ${read}`),
  functionInFunction: new a.globalThis.Function(`return () => ${read}`)(),
  module: a.importNow('m').f,
  bound: a.evaluate(`(function () { return ${read}; }).bind(null)`),
  method: a.evaluate(`({ m() { return ${read}; } })`).m,
  classField: (() => { const K = a.evaluate(`(class { f = ${read}; })`); return () => new K().f; })(),
  staticBlock: a.evaluate(`(class { static read() { return ${read}; } })`).read,
  getterViaReflect: (() => { const o = a.evaluate(`({ get x() { return ${read}; } })`); return () => Reflect.get(o, 'x'); })(),
  getterViaJson: (() => { const o = a.evaluate(`({ get x() { return ${read}; } })`); return () => JSON.parse(JSON.stringify(o)).x; })(),
  callbackViaMap: (() => { const f = a.evaluate(`() => ${read}`); return () => [0].map(f)[0]; })(),
  generatorResumedElsewhere: (() => { const g = a.evaluate(`(function* () { for (;;) yield ${read}; })()`); return () => g.next().value; })(),
};
// Called from the start compartment and from compartment b: always a's globals.
const callFromB = b.evaluate('f => f()');
for (const [how, f] of Object.entries(made)) {
  assert.sameValue(f(), 'string:a', `${how}, called from the start compartment`);
  assert.sameValue(callFromB(f), 'string:a', `${how}, called from b`);
}
// And b's code called from a reads b's globals.
const fromB = b.evaluate(`() => ${read}`);
assert.sameValue(a.evaluate('f => f()')(fromB), 'string:b');
// The realm's evaluators would make code with no owner (run as its caller): they refuse.
for (const source of ['(function(){}).constructor', '(function*(){}).constructor', '(async function(){}).constructor']) {
  assert.throws(EvalError, () => b.evaluate(`${source}("return typeof secret")`), source);
}
// Code resumed by jobs: an async function and promise callbacks made in a, settled by b.
const asyncA = a.evaluate(`(async () => { await null; return ${read}; })`);
const thenA = a.evaluate(`() => ${read}`);
Promise.all([asyncA(), b.evaluate('f => Promise.resolve().then(f)')(thenA),
  b.evaluate('f => new Promise(r => r()).then(() => f())')(made.evaluateControlFlow)])
  .then(values => { assert.compareArray(values, ['string:a', 'string:a', 'string:a']); })
  .then(() => $DONE(), $DONE);
