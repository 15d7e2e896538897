/*---
description: "Class 25: a ModuleSource made in one compartment and instantiated in another (or by the host) evaluating against its maker's global or the start compartment's instead of the importing compartment's."
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
const made = {};
const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker', globals: { made: harden({ put: (k, v) => { made[k] = v; } }), who: 'attacker' },
  resolveHook: specifier => specifier,
  loadHook: async specifier => ({ source: made.hostSource }),
});
made.hostSource = new ModuleSource('export const who = globalThis.who; export const g = globalThis; export const read = () => typeof assert;');
attacker.evaluate(`made.put('guestSource', new ModuleSource('export const who = globalThis.who; export const g = globalThis; export const read = () => [typeof assert, who].join();'))`);
const victim = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'victim', globals: { who: 'victim' },
  resolveHook: specifier => specifier,
  loadHook: async () => ({ source: made.guestSource }),
});
Promise.all([victim.import('from-attacker'), attacker.import('from-host')]).then(([inVictim, inAttacker]) => {
  // A source is only text: it runs in whichever compartment imports it.
  assert.sameValue(inVictim.who, 'victim');
  assert.sameValue(inVictim.g, victim.globalThis);
  assert.sameValue(inVictim.read(), 'undefined,victim');
  assert.sameValue(inAttacker.who, 'attacker');
  assert.sameValue(inAttacker.g, attacker.globalThis);
  assert.sameValue(inAttacker.read(), 'undefined');
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
