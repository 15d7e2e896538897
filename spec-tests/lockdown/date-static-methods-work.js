/*---
description: In a compartment made after lockdown, Date.parse and Date.UTC work.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("Date.parse('1970-01-01T00:00:00.000Z')"), 0);
assert.sameValue(c.evaluate('Date.UTC(1970, 0, 1)'), 0);
assert.sameValue(c.evaluate('Date.UTC(2000, 0, 1)'), 946684800000);
