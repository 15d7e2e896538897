/*---
description: A specifier that is not in the memo or the modules map and not given by moduleMapHook fails with a TypeError naming the missing hook (importHook for import()/load(), importNowHook for importNow()), the module and the compartment.
flags: [module]
---*/
const c = new Compartment({ name: 'bare', moduleMapHook: () => undefined, importNowHook: () => undefined });
let rejected;
try { await c.import('missing'); } catch (e) { rejected = e; }
assert.sameValue(rejected && rejected.constructor, TypeError);
assert(rejected.message.includes('importHook') && rejected.message.includes('"missing"') && rejected.message.includes('"bare"'), rejected.message);
let loadRejected;
try { await c.load('missing'); } catch (e) { loadRejected = e; }
assert.sameValue(loadRejected && loadRejected.constructor, TypeError);
const d = new Compartment({ name: 'bare2', importHook: async () => ({ source: new ModuleSource('') }) });
const error = assert.throws(TypeError, () => d.importNow('missing'));
assert(error.message.includes('importNowHook') && error.message.includes('"missing"') && error.message.includes('"bare2"'), error.message);
