/*---
description: "{namespace: 'spec', compartment} links to the instance that compartment has (or will have) for that specifier: loading through the alias first loads it in the owner, and both see one instance."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const log = [];
const owner = new Compartment({
  globals: { counter },
  importHook: async specifier => {
    log.push(specifier);
    return { source: new ModuleSource('counter.hit(); export const token = {};') };
  },
});
const user = new Compartment({ modules: { alias: { namespace: 'real', compartment: owner } } });
const { namespace: viaAlias } = await user.import('alias');
assert.compareArray(log, ['real'], 'the owner\'s importHook loaded "real"');
assert.sameValue(runs, 1);
const { namespace: direct } = await owner.import('real');
assert.sameValue(direct, viaAlias, 'one instance');
assert.sameValue(runs, 1, 'initialised once');
assert.compareArray(log, ['real'], 'the owner memoised it');
