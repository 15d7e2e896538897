/*---
description: Binding a function from A with Function.prototype.bind in B keeps A's globals.
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
const b = new Compartment({ __options__: true, globals: { who: 'B' } });
b.globalThis.f = a.evaluate('function f(x) { return who + x; } f');
assert.sameValue(b.evaluate('f.bind(null, "!")()'), 'A!');
assert.sameValue(b.evaluate('f.call(null, "?")'), 'A?');
