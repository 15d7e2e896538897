/*---
description: "c.module(specifier) returns a namespace object synchronously, before the module is loaded, and the same object on every call for that specifier (different specifiers give different objects); no hook runs."
---*/
const log = [];
const c = new Compartment({ importHook: async s => { log.push(s); return { source: new ModuleSource('') }; } });
const a = c.module('a');
assert.sameValue(typeof a, 'object');
assert.sameValue(c.module('a'), a, 'same object each time');
assert.notSameValue(c.module('b'), a);
assert.compareArray(log, [], 'module() loads nothing');
assert.throws(TypeError, () => c.module(1), 'non-string specifier');
const other = new Compartment();
assert.notSameValue(other.module('a'), a, 'each compartment has its own');
