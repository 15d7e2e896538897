/*---
description: Guest code cannot make a sloppy function (the realm's Function refuses to compile), so no guest holds a mapped arguments object; compartment functions' arguments objects are unmapped and harden freezes them.
---*/
assert.throws(EvalError, () => (function () {}).constructor('a', 'return [arguments, v => { a = v; }]'));
lockdown({ reporting: 'none' });
const [args, setA] = (function (a) { return [arguments, v => { a = v; }]; })(1);
harden(args);
assert(Object.isFrozen(args), 'arguments is frozen');
setA(5);
assert.sameValue(args[0], 1, 'a strict function\'s arguments never follow its parameters');
