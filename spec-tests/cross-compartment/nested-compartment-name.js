/*---
description: A compartment created by a child's Compartment constructor supports options such as name.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('new Compartment({ __options__: true, name: "inner" }).name'), 'inner');
