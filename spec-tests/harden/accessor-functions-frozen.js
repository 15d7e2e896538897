/*---
description: harden freezes the getter and setter functions of accessor properties.
---*/
lockdown();
const o = {
  get x() { return 1; },
  set x(v) {},
  set onlySetter(v) {},
};
harden(o);
const desc = Object.getOwnPropertyDescriptor(o, 'x');
assert(Object.isFrozen(desc.get), 'getter frozen');
assert(Object.isFrozen(desc.set), 'setter frozen');
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(o, 'onlySetter').set), 'lone setter frozen');
