/*---
description: "When a module's dynamic import() waits on an importHook promise that never settles, that import() rejects with a 'never settled' TypeError the module can catch; the module then finishes evaluating and the outer import() fulfils (only the stuck wait fails, not every wait pending at that moment)."
flags: [async]
---*/
const c = new Compartment({
  resolveHook: specifier => specifier,
  importHook: specifier => (specifier === 'stuck'
    ? new Promise(() => {})
    : { source: new ModuleSource('let caught; try { await import("stuck"); } catch (e) { caught = e.message; } export { caught };') }),
});
c.import('main').then(({ namespace }) => {
  assert.sameValue(typeof namespace.caught, 'string', 'the module caught the rejection');
  assert(namespace.caught.includes('never settled'), namespace.caught);
}).then(() => $DONE(), $DONE);
