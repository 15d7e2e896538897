/*---
description: "Class 35: stamping private fields (hidden state) onto hardened objects and shared intrinsics through the return-override trick, as a channel invisible to harden."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const shared = harden({ kind: 'shared' });
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { shared } });
const results = attacker.evaluate(`
  class Base { constructor(o) { return o; } }
  class Stamp extends Base { #mark = 'stamped'; static has(o) { return #mark in o; } }
  const targets = { shared, hardened: harden({}), objectPrototype: Object.prototype, arrayPrototype: Array.prototype,
    functionPrototype: Function.prototype, ownFunction: Function, compartmentPrototype: Compartment.prototype,
    frozenArray: Object.freeze([]), sealed: Object.seal({}), preventExtensions: Object.preventExtensions({}) };
  const out = {};
  for (const [name, target] of Object.entries(targets)) {
    try { new Stamp(target); out[name] = 'stamped'; } catch (e) { out[name] = e.constructor.name; }
    out[name] += Stamp.has(target) ? '+marked' : '';
  }
  out;
`);
assert.sameValue(Object.keys(results).length, 10);
for (const [name, outcome] of Object.entries(results)) assert.sameValue(outcome, 'TypeError', name);
assertUnchanged(before);
