/*---
description: Under any overrideTaming, Object.defineProperty can shadow a frozen inherited property (only assignment suffers the override mistake).
---*/
lockdown({ overrideTaming: 'min' });
const o = {};
Object.defineProperty(o, 'hasOwnProperty', { value: 1, writable: true, configurable: true });
assert.sameValue(o.hasOwnProperty, 1);
