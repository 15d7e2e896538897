/*---
description: "With noAggregateLoadErrors: true, the first load failure comes through unchanged: the very error object a hook threw, not an aggregate TypeError."
flags: [module]
---*/
const errors = {};
const c = new Compartment({
  noAggregateLoadErrors: true,
  resolveHook: specifier => specifier,
  modules: { main: { source: new ModuleSource('import "one"; import "two";') } },
  importHook: async specifier => { throw (errors[specifier] = new RangeError(specifier)); },
  importNowHook: specifier => { throw (errors[`now-${specifier}`] = new RangeError(specifier)); },
});
let caught;
try { await c.import('main'); } catch (e) { caught = e; }
assert.sameValue(caught.constructor, RangeError, `not aggregated: ${caught && caught.message}`);
assert(caught === errors.one || caught === errors.two, 'identity preserved');
let caughtNow;
try { c.importNow('main'); } catch (e) { caughtNow = e; }
assert(caughtNow === errors['now-one'] || caughtNow === errors['now-two'], `importNow identity preserved: ${caughtNow && caughtNow.message}`);
