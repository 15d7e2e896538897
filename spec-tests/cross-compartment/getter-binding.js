/*---
description: A getter defined in compartment A reads A's globals when accessed from B.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
b.globalThis.o = a.evaluate('({ get who() { return who; }, set who(v) { globalThis.setTo = v + who; } })');
assert.sameValue(b.evaluate('o.who'), 'A');
b.evaluate('o.who = "x"');
assert.sameValue(a.globalThis.setTo, 'xA');
assert.sameValue(b.globalThis.setTo, undefined);
