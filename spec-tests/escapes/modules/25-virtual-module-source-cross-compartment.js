/*---
description: "Class 25 (virtual sources): a virtual module source is code that runs with the authority of the compartment that instantiates it (SES hands a shim-shaped execute that compartment), so a host must not instantiate a guest's virtual source in another compartment; XS-shaped sources get only the Import/ImportMeta they ask for, and nothing else changes."
flags: [async]
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
const handed = {};
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { hand: harden((name, value) => { handed[name] = value; }) } });
attacker.evaluate(`
  globalThis.learned = [];
  hand('shim', { imports: [], exports: ['x'], execute(exports, compartment, resolvedImports) {
    learned.push(['shim', typeof compartment === 'object' && compartment !== null ? String(compartment.globalThis && compartment.globalThis.victimSecret) : typeof compartment]);
    exports.x = 1;
  } });
  hand('xs', { bindings: [{ export: 'x' }], execute($, Import, ImportMeta) {
    learned.push(['xs', typeof Import, typeof ImportMeta]);
    $.x = 2;
  } });
`);
const victim = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'victim', globals: { victimSecret: 'victim secret' },
  resolveHook: specifier => specifier,
  importHook: async specifier => ({ source: handed[specifier] }),
});
Promise.all([victim.import('shim'), victim.import('xs')]).then(([shim, xs]) => {
  assert.sameValue(shim.x, 1);
  assert.sameValue(xs.x, 2);
  const learned = attacker.evaluate('learned');
  // As in SES, a shim-shaped execute receives the instantiating compartment: instantiating a
  // source grants its code that compartment's authority (docs/security.md, "Module sources").
  assert.compareArray(learned.find(([shape]) => shape === 'shim'), ['shim', 'victim secret'], 'shim-shaped execute gets the instantiating compartment');
  assert.compareArray(learned.find(([shape]) => shape === 'xs'), ['xs', 'undefined', 'undefined']);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
