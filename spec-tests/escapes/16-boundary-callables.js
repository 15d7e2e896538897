/*---
description: "Class 16: a callable passed across a compartment boundary (guest to host, host to guest, A to B) running with the caller's globals instead of its own."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const other = new Compartment({ __options__: true, name: 'other', globals: { who: 'other' } });
const host = harden({
  call: fn => fn(),
  bindAndCall: fn => Function.prototype.bind.call(fn, globalThis)(),
  returnBound: fn => fn.bind(null),
  otherFunction: other.evaluate('() => [who, typeof startOnly].join()'),
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host, who: 'attacker' } });
const seen = attacker.evaluate(`
  const mine = function () { return [who, typeof startOnly, this == null || this === globalThis].join(); };
  [
    host.call(mine),
    host.bindAndCall(function () { return [who, typeof startOnly, typeof this.startOnly].join(); }),
    host.returnBound(mine)(),
    host.otherFunction(),
    host.call(host.otherFunction),
    host.call(() => typeof assert),
  ];
`);
assert.compareArray(seen, [
  'attacker,undefined,true',
  // The host chose to pass its own global as this: the function still resolves names in its own compartment.
  'attacker,undefined,string',
  'attacker,undefined,true',
  'other,undefined',
  'other,undefined',
  'undefined',
]);
assertUnchanged(before);
