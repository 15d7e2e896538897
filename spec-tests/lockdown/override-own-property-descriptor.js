/*---
description: An override assignment defines an ordinary own data property (writable, enumerable, configurable) on the receiver.
---*/
lockdown();
const o = {};
const f = () => 'x';
o.toString = f;
const desc = Object.getOwnPropertyDescriptor(o, 'toString');
assert.sameValue(desc.value, f);
assert.sameValue(desc.writable, true);
assert.sameValue(desc.enumerable, true);
assert.sameValue(desc.configurable, true);
