/*---
description: Indirect eval does not see the caller's local bindings.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('const local = 1; (0, eval)("typeof local")'), 'undefined');
assert.sameValue(c.evaluate('(function () { const inner = 1; return (0, eval)("typeof inner"); })()'), 'undefined');
