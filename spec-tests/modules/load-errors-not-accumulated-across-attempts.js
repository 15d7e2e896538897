/*---
description: Retrying a failed import reports only the failures of that attempt; a single failing dependency still comes through as itself, not as an aggregate of the earlier attempts' failures.
flags: [module]
---*/
const thrown = new RangeError('dep is missing');
let attempts = 0;
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: { main: { source: new ModuleSource('import "dep";') } },
  importHook: async () => { attempts += 1; throw thrown; },
  importNowHook: () => { attempts += 1; throw thrown; },
});
const outcomes = [];
for (let attempt = 0; attempt < 2; attempt += 1) {
  try { await c.import('main'); } catch (e) { outcomes.push(e === thrown ? 'same' : `${e.constructor.name}: ${e.message}`); }
}
try { c.importNow('main'); } catch (e) { outcomes.push(e === thrown ? 'same' : `${e.constructor.name}: ${e.message}`); }
assert.sameValue(attempts, 3, 'the failed dependency is looked up again on each attempt');
assert.compareArray(outcomes, ['same', 'same', 'same']);
