/*---
description: Assigning an enabled name to an object that already has it as an own property just updates the value.
---*/
lockdown();
const o = {};
Object.defineProperty(o, 'toString', { value: () => 'a', writable: true, enumerable: false, configurable: true });
o.toString = () => 'b';
assert.sameValue(String(o), 'b');
assert.sameValue(Object.getOwnPropertyDescriptor(o, 'toString').enumerable, false, 'attributes kept');
