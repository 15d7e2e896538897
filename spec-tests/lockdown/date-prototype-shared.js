/*---
description: The shared Date of compartments uses the same Date.prototype as the start Date, whose constructor is the shared Date.
---*/
lockdown();
const c = new Compartment();
const SharedDate = c.evaluate('Date');
assert.sameValue(c.evaluate('Date.prototype'), Date.prototype);
assert.sameValue(Date.prototype.constructor, SharedDate);
assert(new Date(0) instanceof SharedDate, 'start dates are instances of the shared Date');
assert.sameValue(SharedDate.name, 'Date');
