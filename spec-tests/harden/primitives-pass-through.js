/*---
description: harden returns primitives unchanged.
---*/
lockdown();
const s = Symbol('s');
assert.sameValue(harden(3), 3);
assert.sameValue(harden('str'), 'str');
assert.sameValue(harden(undefined), undefined);
assert.sameValue(harden(null), null);
assert.sameValue(harden(true), true);
assert.sameValue(harden(s), s);
assert.sameValue(harden(10n), 10n);
assert.sameValue(harden(NaN), NaN);
