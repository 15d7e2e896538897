/*---
description: In a compartment made after lockdown, new Date(undefined) is allowed (one argument given) and makes an invalid date.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('isNaN(new Date(undefined).getTime())'), true);
