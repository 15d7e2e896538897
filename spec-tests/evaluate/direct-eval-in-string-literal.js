/*---
description: Text that merely contains eval( inside a string, template or comment is not rejected.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('"eval(1)"'), 'eval(1)');
assert.sameValue(c.evaluate('/* eval("x") */ 2'), 2);
assert.sameValue(c.evaluate('// eval(1)\n3'), 3);
assert.sameValue(c.evaluate('`eval(${4})`'), 'eval(4)');
