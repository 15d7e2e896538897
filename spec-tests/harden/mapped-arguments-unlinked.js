/*---
description: Hardening a sloppy function's mapped arguments object freezes its elements for real, unlinking them from the parameters.
---*/
// Before lockdown the realm's Function constructor still makes sloppy functions.
const sloppy = (function () {}).constructor('a', 'return [arguments, v => { a = v; }]');
lockdown({ reporting: 'none' });
const [args, setA] = sloppy(1);
harden(args);
assert(Object.isFrozen(args), 'arguments is frozen');
setA(5);
assert.sameValue(args[0], 1, 'a frozen element no longer follows its parameter');
