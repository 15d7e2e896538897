/*---
description: A generator created in compartment A and iterated from B reads A's globals at every resumption.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
b.globalThis.gen = a.evaluate('(function* () { yield who; yield who; return who; })');
assert.compareArray(b.evaluate('const it = gen(); [it.next().value, it.next().value, it.next().value]'), ['A', 'A', 'A']);
assert.compareArray(b.evaluate('[...gen()]'), ['A', 'A']);
