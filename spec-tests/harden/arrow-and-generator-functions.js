/*---
description: harden freezes arrow functions, generator functions and their prototype objects.
---*/
lockdown();
const arrow = harden(() => 1);
assert(Object.isFrozen(arrow), 'arrow');
function* gen() {}
harden(gen);
assert(Object.isFrozen(gen), 'generator function');
assert(Object.isFrozen(gen.prototype), 'generator prototype object');
