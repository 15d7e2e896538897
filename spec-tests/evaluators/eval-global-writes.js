/*---
description: Writes through globalThis in a compartment's eval land on that compartment's global.
---*/
const c = new Compartment();
c.globalThis.eval('globalThis.viaEval = 1');
assert.sameValue(c.globalThis.viaEval, 1);
assert.sameValue(c.evaluate('viaEval'), 1);
assert.sameValue('viaEval' in globalThis, false);
