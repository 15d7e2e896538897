/*---
description: "Class 25: a ModuleSource made in one compartment and instantiated in another (or by the host) evaluating against its maker's global or the start compartment's instead of the importing compartment's."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
