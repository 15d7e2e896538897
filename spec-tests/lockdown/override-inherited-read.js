/*---
description: After the override enablements, inherited reads of enabled properties still return the original methods.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof [].push'), 'function');
assert.sameValue(c.evaluate('[].push'), Array.prototype.push);
assert.sameValue(c.evaluate('const a = [1]; a.push(2); a.length'), 2);
assert.sameValue(c.evaluate('({}).valueOf === Object.prototype.valueOf'), true);
