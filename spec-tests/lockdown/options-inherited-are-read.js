/*---
description: Options are read like SES's destructuring, so an inherited option counts.
---*/
lockdown(Object.create({ evalTaming: 'no-eval', reporting: 'none' }));
assert.throws(TypeError, () => (0, eval)('1'));
