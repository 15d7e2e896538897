/*---
description: With sloppyGlobalsMode, reading an unknown name gives undefined.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('unknownName', { sloppyGlobalsMode: true }), undefined);
