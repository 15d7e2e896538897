/*---
description: "Red team 2026-12-05 (engine identity): lockdown's walks over the start global called [[OwnPropertyKeys]] on proxies (a revoked one failed lockdown for good, a hostile trap ran inside it) and lockdown read HandledPromise through a getter (guest code in the middle of lockdown could re-prototype a tamed native so that no entry check was installed on it). Lockdown must run no guest code and accept any value on the start global."
includes: [isolation.js]
---*/
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
globalThis.revoked = revoked;
let trapped = 0;
globalThis.hostile = new Proxy({}, { ownKeys() { trapped++; throw new Error('trap ran'); } });
let getterRan = false;
Object.defineProperty(globalThis, 'HandledPromise', {
  get() { getterRan = true; return undefined; },
  configurable: true,
});
lockdown();
assert.sameValue(getterRan, false, 'lockdown read HandledPromise through a getter');
assert.sameValue(trapped, 0, 'lockdown ran a proxy trap');
assert(Object.isFrozen(Array.prototype), 'lockdown completed');
// The same values endowed to a new compartment do not fail it either.
const c = new Compartment({ __options__: true, globals: { revoked, hostile } });
assert.sameValue(c.evaluate('typeof revoked'), 'object');
assert.sameValue(trapped, 0, 'new Compartment ran a proxy trap');
