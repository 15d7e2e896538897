/*---
description: "Aggregating load failures reads each failure's message without running guest code and without trusting its shape: an AggregateError claiming 2 ** 32 - 1 errors (Boa's error conversion would reserve room for all of them and abort the process) and an error whose message is a getter are reported by their data properties."
flags: [module]
---*/
let getterRan = false;
const c = new Compartment({
  name: 'app',
  resolveHook: specifier => specifier,
  modules: { main: { source: new ModuleSource('import "huge"; import "getter"; export default 1;') } },
  importHook: async specifier => {
    if (specifier === 'huge') {
      const error = new AggregateError([], 'claims many errors');
      error.errors.length = 2 ** 32 - 1;
      throw error;
    }
    const error = new RangeError('plain');
    Object.defineProperty(error, 'message', { get() { getterRan = true; return 'from a getter'; } });
    throw error;
  },
});
let error;
try { await c.import('main'); } catch (e) { error = e; }
assert.sameValue(error && error.constructor, TypeError);
assert(error.message.includes('2 underlying failures'), error.message);
assert(error.message.includes('claims many errors'), error.message);
assert.sameValue(getterRan, false, 'no guest getter runs while the failures are described');
