/*---
description: "Crash containment, red team 2026-12: importNow of a module whose evaluation is in progress (its own top-level code, a cycle, or a module import() is evaluating) asked Boa to link an evaluating module, which panics Boa and leaves the engine unusable. It must be a TypeError, and the engine must keep working."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const texts = {
  self: `me.importNow('self');`,
  a: `import 'b'; export const a = 1;`,
  b: `me.importNow('a');`,
  dyn: `me.importNow('dyn');`,
};
const c = new Compartment({ __options__: true, name: 'attacker',
  resolveHook: s => s,
  importHook: async s => ({ source: new ModuleSource(texts[s]) }),
  importNowHook: s => ({ source: new ModuleSource(texts[s]) }),
});
c.globalThis.me = c;
for (const root of ['self', 'a']) {
  assert.throws(TypeError, () => c.importNow(root), `importNow('${root}') re-entered from its own evaluation`);
}
c.evaluate(`import('dyn')`).then(() => 'fulfilled', e => e.constructor.name).then(outcome => {
  assert.sameValue(outcome, 'TypeError', 'importNow from a module import() is evaluating');
  // The engine still works, for the attacker and for everyone else.
  assert.sameValue(new Compartment().evaluate('6 * 7'), 42);
  assert.sameValue(c.evaluate('1 + 1'), 2);
  assertIsolated(bystander, before);
}).then(() => $DONE(), $DONE);
