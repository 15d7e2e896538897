/*---
description: With overrideTaming moderate, every %TypedArray%.prototype data property can be overridden on a typed array by assignment.
---*/
lockdown();
const ta = new Uint8Array(1);
ta.map = 1;
ta.toString = () => 'ta';
assert.sameValue(ta.map, 1);
assert.sameValue(`${ta}`, 'ta');
