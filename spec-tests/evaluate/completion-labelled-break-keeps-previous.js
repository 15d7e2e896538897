/*---
description: A labelled block exited by a break with no value keeps the previous statement's completion value.
boa-bug: "Boa 0.22 returns undefined for a labelled block left by break after 3 (plain Boa's eval too); the spec's UpdateEmpty gives 3."
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('3; x: { break x; }'), 3);
