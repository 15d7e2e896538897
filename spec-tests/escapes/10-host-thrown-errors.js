/*---
description: "Class 10 (vm2 #138): errors thrown by host code (engine natives, the Compartment API, lockdown, harden, start-compartment functions) giving a guest a working Function through e.constructor.constructor."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const hostFunctions = harden({
  nullAccess: () => null.x,
  throwsRangeError: () => { throw new RangeError('host range'); },
  throwsSyntaxError: () => new Compartment().evaluate('}'),
  badNew: () => new Compartment({ __options__: 'yes' }),
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host: hostFunctions } });
const report = attacker.evaluate(`
  const attempts = {
    nullAccess: () => host.nullAccess(),
    throwsRangeError: () => host.throwsRangeError(),
    throwsSyntaxError: () => host.throwsSyntaxError(),
    badNew: () => host.badNew(),
    secondLockdown: () => lockdown(),
    hardenProxy: () => harden(new Proxy({}, { ownKeys() { throw new EvalError('trap'); } })),
    evaluateSyntax: () => new Compartment().evaluate('let let = 1'),
    evaluateNonString: () => new Compartment().evaluate({ toString() { return '1'; } }),
    evaluateBadReceiver: () => Compartment.prototype.evaluate.call({}, '1'),
    globalThisBadReceiver: () => Object.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis').get.call(1),
    importNowWithoutHooks: () => new Compartment().importNow('x'),
    unknownName: () => notDefinedAnywhere,
    ownEvalSyntax: () => (0, eval)(')'),
    ownFunctionSyntax: () => Function('}'),
    nativeBuiltin: () => [].reduce(() => 0),
    badTransforms: () => new Compartment({ __options__: true, transforms: [1] }),
    uriError: () => decodeURIComponent('%'),
  };
  const report = [];
  for (const [name, attempt] of Object.entries(attempts)) {
    let error;
    try { attempt(); } catch (e) { error = e; }
    let escape = 'no error';
    if (error !== undefined) {
      try { error.constructor.constructor('return globalThis')(); escape = 'ESCAPED'; }
      catch (e) { escape = e instanceof TypeError ? 'inert' : 'other'; }
    }
    const proto = error === undefined ? null : Object.getPrototypeOf(error);
    report.push({
      name,
      escape,
      sharedError: error instanceof Error,
      frozenProto: proto !== null && Object.isFrozen(proto) && Object.isFrozen(Object.getPrototypeOf(proto)),
      sharedConstructor: error !== undefined && [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError].includes(error.constructor),
      stack: error === undefined ? '' : String(error.stack),
      message: error === undefined ? '' : String(error.message),
      text: error === undefined ? '' : String(error),
    });
  }
  report;
`);
assert.sameValue(report.length, 17);
for (const entry of report) {
  assert.sameValue(entry.escape, 'inert', `${entry.name}: e.constructor.constructor`);
  assert.sameValue(entry.sharedError, true, `${entry.name}: instance of the shared Error`);
  assert.sameValue(entry.frozenProto, true, `${entry.name}: frozen prototypes`);
  assert.sameValue(entry.sharedConstructor, true, `${entry.name}: shared constructor`);
  // The tamed stack shows only the error itself: no frames, paths or Rust details.
  assert.sameValue(entry.stack, entry.text, `${entry.name}: stack`);
  assert(!/\.rs\b|src\/|crates\/|\bat .*:\d+|boa_|panicked/.test(entry.message), `${entry.name}: message leaks host details: ${entry.message}`);
}
assertUnchanged(before);
