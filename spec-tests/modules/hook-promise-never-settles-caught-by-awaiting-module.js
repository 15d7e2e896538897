/*---
description: "A module test (top-level await) that awaits c.import() of a module whose importHook promise never settles gets the 'never settled' TypeError as a rejection it can catch, instead of its own evaluation being failed."
flags: [module]
---*/
const c = new Compartment({ importHook: () => new Promise(() => {}) });
let error;
try { await c.import('stuck'); } catch (e) { error = e; }
assert.sameValue(error && error.constructor, TypeError);
assert(error.message.includes('never settled'), error.message);
