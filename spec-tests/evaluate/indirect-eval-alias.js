/*---
description: Calling eval through an alias (const e = eval; e(src)) works in compartment code.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('const e = eval; e("6 * 7")'), 42);
assert.sameValue(c.evaluate('[eval][0]("3")'), 3);
