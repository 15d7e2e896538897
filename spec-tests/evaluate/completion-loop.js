/*---
description: A trailing loop completes with its body's last value.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('for (let i = 0; i < 3; i++) i * 10;'), 20);
assert.sameValue(c.evaluate('let n = 0; while (n < 2) { n++; "w" + n; }'), 'w2');
assert.sameValue(c.evaluate('1; for (const k of []) k;'), undefined);
