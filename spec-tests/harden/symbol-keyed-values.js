/*---
description: harden freezes the values of symbol-keyed properties.
---*/
lockdown();
const key = Symbol('k');
const inner = {};
const o = { [key]: inner };
harden(o);
assert(Object.isFrozen(inner), 'symbol-keyed value frozen');
