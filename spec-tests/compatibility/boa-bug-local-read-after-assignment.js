/*---
description: "The left operand of a binary operator is read before the right operand runs, also when the right operand assigns the same local variable (test262 S11.6.2_A2.4_T1 and its siblings, when top-level vars are locals)."
boa-bug: "Boa 0.22: a local held in a register is read after the right operand assigned it, so (function () { var x = 0; return x - (x = 1); })() is 0, not -1. Plain Boa too; upstream report text in docs/compatibility.md."
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('(function () { var x = 0; return x - (x = 1); })()'), -1);
