/*---
description: A top-level declaration may shadow a global without changing the global.
---*/
const c = new Compartment({ __options__: true, globals: { g: 'global' } });
assert.sameValue(c.evaluate('let g = "local"; g'), 'local');
assert.sameValue(c.evaluate('var Array = 1; Array'), 1);
assert.sameValue(c.evaluate('g'), 'global');
assert.sameValue(c.evaluate('Array'), Array);
