/*---
description: A callback from B passed to a function from A reads B's globals, while A's code reads A's.
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
const b = new Compartment({ __options__: true, globals: { who: 'B' } });
b.globalThis.callWith = a.evaluate('cb => [who, cb()]');
assert.compareArray(b.evaluate('callWith(() => who)'), ['A', 'B']);
