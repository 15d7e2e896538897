/*---
description: Functions made by a compartment's Function see the compartment's globals, not the caller's.
---*/
const c = new Compartment({ __options__: true, globals: { who: 'compartment' } });
globalThis.who = 'start';
const f = new c.globalThis.Function('return who');
assert.sameValue(f(), 'compartment');
assert.sameValue(new c.globalThis.Function('return typeof assert')(), 'undefined');
assert.sameValue(new c.globalThis.Function('return globalThis')(), c.globalThis);
