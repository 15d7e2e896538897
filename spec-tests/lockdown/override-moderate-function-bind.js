/*---
description: With overrideTaming moderate, assigning bind on a function works.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("function f() {} f.bind = () => 'bound'; f.bind()"), 'bound');
