/*---
description: A generator method created in compartment A, resumed from the start compartment, reads A's globals.
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
globalThis.who = 'start';
const obj = a.evaluate('({ *g() { const first = who; yield first; yield who; } })');
const it = obj.g();
assert.sameValue(it.next().value, 'A');
a.evaluate('who = "A2"');
assert.sameValue(it.next().value, 'A2');
