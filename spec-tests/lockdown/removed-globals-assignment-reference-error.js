/*---
description: In a compartment made after lockdown, assigning a removed global such as Float64Array is an assignment to an undeclared name and throws ReferenceError.
---*/
lockdown();
const c = new Compartment();
assert.throws(ReferenceError, () => c.evaluate('Float64Array = 1'));
assert.sameValue(c.evaluate("Object.prototype.hasOwnProperty.call(globalThis, 'Float64Array')"), false);
