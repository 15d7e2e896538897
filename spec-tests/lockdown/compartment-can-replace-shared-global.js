/*---
description: A compartment made after lockdown can replace its own Date global without affecting other compartments.
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.sameValue(a.evaluate('Date = 5; Date'), 5);
assert.sameValue(b.evaluate('typeof Date'), 'function');
