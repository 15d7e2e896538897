/*---
description: In a compartment made after lockdown, dates built from explicit values still work.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('new Date(0).getTime()'), 0);
assert.sameValue(c.evaluate('new Date(2020, 0, 1, 0, 0, 0) instanceof Date'), true);
assert.sameValue(c.evaluate("new Date('1970-01-01T00:00:01Z').getTime()"), 1000);
