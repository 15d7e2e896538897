/*---
description: Methods of a class defined in compartment A read A's globals when called from B, including from a subclass defined in B.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
b.globalThis.K = a.evaluate('(class K { m() { return who; } static s() { return who; } })');
assert.sameValue(b.evaluate('new K().m()'), 'A');
assert.sameValue(b.evaluate('K.s()'), 'A');
assert.compareArray(b.evaluate('class Sub extends K { own() { return who; } } const s = new Sub(); [s.m(), s.own()]'), ['A', 'B']);
