/*---
description: With evalTaming 'no-eval', eval of a non-string returns it unchanged, as eval does.
---*/
lockdown({ evalTaming: 'no-eval' });
assert.sameValue((0, eval)(5), 5);
const o = {};
assert.sameValue((0, eval)(o), o);
assert.sameValue((0, eval)(), undefined);
