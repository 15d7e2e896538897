/*---
description: A function created in compartment A and called from B or the start compartment reads A's globals.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
globalThis.who = 'start';
const f = a.evaluate('(function () { return who; })');
assert.sameValue(f(), 'A');
b.globalThis.f = f;
assert.sameValue(b.evaluate('f()'), 'A');
