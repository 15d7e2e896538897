/*---
description: A child created inside compartment A does not see A's endowments unless they are passed.
---*/
const a = new Compartment({ __options__: true, globals: { secret: 's' } });
assert.sameValue(a.evaluate('new Compartment().evaluate("typeof secret")'), 'undefined');
assert.sameValue(a.evaluate('new Compartment({ __options__: true, globals: { secret } }).evaluate("secret")'), 's');
