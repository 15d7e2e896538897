/*---
description: With localeTaming 'safe' (the default), Number.prototype.toLocaleString gives the locale-independent String(number).
---*/
lockdown();
assert.sameValue((1234.5).toLocaleString(), '1234.5');
const c = new Compartment();
assert.sameValue(c.evaluate('(1234567.25).toLocaleString()'), '1234567.25');
assert.sameValue(c.evaluate('(-0.5).toLocaleString()'), '-0.5');
