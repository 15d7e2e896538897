/*---
description: After lockdown a compartment cannot change a shared intrinsic, so another compartment never sees its changes.
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.throws(TypeError, () => a.evaluate('Object.prototype.polluted = true'));
assert.sameValue(b.evaluate('({}).polluted'), undefined);
a.evaluate('globalThis.mine = 1');
assert.sameValue(b.evaluate('typeof mine'), 'undefined');
