/*---
description: A compartment made before lockdown shares the intrinsics, so it sees them frozen after lockdown.
---*/
const c = new Compartment();
lockdown();
assert.sameValue(c.evaluate('Object.isFrozen(Array.prototype)'), true);
assert.throws(TypeError, () => c.evaluate('Array.prototype.x = 1'));
