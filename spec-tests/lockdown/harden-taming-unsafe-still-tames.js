/*---
description: With __hardenTaming__ 'unsafe', lockdown still tames the compartments' Date and Math.
---*/
lockdown({ __hardenTaming__: 'unsafe' });
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('Date.now()'));
assert.throws(TypeError, () => c.evaluate('Math.random()'));
