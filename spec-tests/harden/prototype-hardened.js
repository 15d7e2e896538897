/*---
description: harden also hardens the prototype chain of its argument.
---*/
lockdown();
const grand = { g: {} };
const p = Object.create(grand);
const o = Object.create(p);
harden(o);
assert(Object.isFrozen(p), 'prototype frozen');
assert(Object.isFrozen(grand), 'grandprototype frozen');
assert(Object.isFrozen(grand.g), 'prototype property value frozen');
