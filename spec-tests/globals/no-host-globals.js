/*---
description: Compartment globals contain no non-universal host globals such as the harness's assert.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('typeof assert'), 'undefined');
assert.sameValue(c.evaluate('typeof $DONE'), 'undefined');
assert.sameValue(c.evaluate('typeof Test262Error'), 'undefined');
assert.sameValue('assert' in c.globalThis, false);
