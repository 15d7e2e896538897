/*---
description: An arrow function created in compartment A reads A's globals and A's this when called from elsewhere.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
const f = a.evaluate('() => [who, this === globalThis]');
b.globalThis.f = f;
assert.compareArray(b.evaluate('f()'), ['A', true]);
assert.compareArray(f(), ['A', true]);
