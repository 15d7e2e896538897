/*---
description: "Review finding (issue 14, parts 1-2): a source whose completion depends on control flow ran as a direct eval inside a scope binding the realm's private Function (F); code made by the realm's Function in a promise job had no owner and ran as its caller. Every evaluator path, every dynamic-code constructor, and code run by jobs, host helpers and other compartments."
includes: [isolation.js]
flags: [async]
---*/
lockdown();
const describe = harden(v => 'value: ' + String(v));
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { describe } });

// No evaluator binding is visible from either compilation path.
for (const probe of ['typeof F', 'typeof body', 'typeof trampoline']) {
  const viaBody = attacker.evaluate(probe);
  const viaDirectEval = attacker.evaluate(`if (true) { ${probe} }`);
  assert.sameValue(viaDirectEval, viaBody, probe);
}
assert.sameValue(attacker.evaluate('if (true) { typeof F }'), 'undefined');
assert.sameValue(attacker.evaluate('1; var x = 2'), 1, 'control-flow completion still exact');
// The armed dispatch answers only the helper: a guest's own read of `eval` is its compartment's eval.
assert.sameValue(attacker.evaluate('if (true) { eval === globalThis.eval }'), true);
assert.sameValue(attacker.evaluate('if (true) { [eval, eval].every(e => e === globalThis.eval) }'), true);

// The review's exploit, and the same shape with every dynamic-code constructor.
const constructors = ['Function.prototype.constructor', '(function* () {}).constructor',
  '(async function () {}).constructor', '(async function* () {}).constructor', 'F'];
const settled = constructors.map(name => attacker.evaluate(`if (true) {
  let ctor; try { ctor = ${name}; } catch (e) { ctor = e.constructor.name; }
  typeof ctor === 'string' ? Promise.resolve(ctor) :
    Promise.resolve('this.g = globalThis; return ""').then(ctor).then(f => {
      const o = { toString: f }; describe(o); globalThis.stolen = o.g; return 'compiled';
    }, e => e.constructor.name);
}`));
Promise.all(settled).then(outcomes => {
  // After lockdown the tamed constructors throw TypeError; `F` is not defined.
  assert.compareArray(outcomes, ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'ReferenceError']);
  assert.sameValue(attacker.globalThis.stolen, undefined);
  assertIsolated(bystander, before);
}).then(() => $DONE(), $DONE);
