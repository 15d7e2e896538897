/*---
description: With overrideTaming moderate, a subclass of Error or TypeError can set a default message on its prototype by assignment.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("class E extends Error {} E.prototype.message = 'dflt'; new E().message"), 'dflt');
assert.sameValue(c.evaluate("class T extends TypeError {} T.prototype.message = 'tm'; new T().message"), 'tm');
