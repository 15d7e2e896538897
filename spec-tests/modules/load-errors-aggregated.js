/*---
description: "A module importing two modules that both fail to load rejects with ONE TypeError naming the module, the compartment, the count ('2 underlying failures') and each failure's message; importNow throws the same kind of error; a single failure is reported as itself."
flags: [module]
---*/
const make = () => new Compartment({
  name: 'app',
  resolveHook: specifier => specifier,
  modules: {
    main: { source: new ModuleSource('import "missing-one"; import "missing-two"; export default 1;') },
    single: { source: new ModuleSource('import "missing-three";') },
  },
  importHook: async specifier => { throw new RangeError(`cannot find ${specifier}`); },
  importNowHook: specifier => { throw new RangeError(`cannot find ${specifier} now`); },
});
const c = make();
let error;
try { await c.import('main'); } catch (e) { error = e; }
assert.sameValue(error && error.constructor, TypeError);
for (const part of ['"main"', '"app"', '2 underlying failures', 'cannot find missing-one', 'cannot find missing-two']) {
  assert(error.message.includes(part), `message should contain ${part}: ${error.message}`);
}
// A fresh compartment: retries in one compartment are covered by load-errors-not-accumulated-across-attempts.js.
const now = assert.throws(TypeError, () => make().importNow('main'));
for (const part of ['2 underlying failures', 'cannot find missing-one now', 'cannot find missing-two now']) {
  assert(now.message.includes(part), `importNow message should contain ${part}: ${now.message}`);
}
let single;
try { await c.import('single'); } catch (e) { single = e; }
assert.sameValue(single && single.constructor, RangeError, 'a single failure is not wrapped');
assert.sameValue(single.message, 'cannot find missing-three');
