// Minimal assertion harness for spec-tests, evaluated in the start compartment before each test.
// Test code is strict and its top-level declarations are local, so the harness publishes its
// functions on globalThis (and therefore only in the start compartment).
(() => {
  const describe = value => {
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'symbol') return value.toString();
    if (Object.is(value, -0)) return '-0';
    try { return String(value); } catch { return Object.prototype.toString.call(value); }
  };
  class Test262Error extends Error {}
  Test262Error.prototype.name = 'Test262Error';
  const fail = message => { throw new Test262Error(message); };
  const assert = (condition, message = 'assertion failed') => {
    if (condition !== true) fail(`${message} (got ${describe(condition)})`);
  };
  assert.sameValue = (actual, expected, message = '') => {
    if (!Object.is(actual, expected)) {
      fail(`${message} expected ${describe(expected)} but got ${describe(actual)}`.trim());
    }
  };
  assert.notSameValue = (actual, unexpected, message = '') => {
    if (Object.is(actual, unexpected)) fail(`${message} did not expect ${describe(actual)}`.trim());
  };
  assert.throws = (ErrorType, fn, message = '') => {
    try {
      fn();
    } catch (error) {
      if (typeof error !== 'object' || error === null || error.constructor !== ErrorType) {
        const name = error && error.constructor ? error.constructor.name : describe(error);
        fail(`${message} expected ${ErrorType.name} but ${name} was thrown: ${describe(error && error.message)}`.trim());
      }
      return error;
    }
    fail(`${message} expected ${ErrorType.name} to be thrown but nothing was`.trim());
  };
  assert.compareArray = (actual, expected, message = '') => {
    const a = [...actual], e = [...expected];
    if (a.length !== e.length || a.some((v, i) => !Object.is(v, e[i]))) {
      fail(`${message} expected [${e.map(describe)}] but got [${a.map(describe)}]`.trim());
    }
  };
  globalThis.Test262Error = Test262Error;
  globalThis.assert = assert;
  // Async tests call $DONE() once, with an error to fail.
  globalThis.$DONE = error => {
    globalThis.$DONE_RESULT = error === undefined ? 'ok' : `${describe(error && error.name)}: ${describe(error && error.message)}`;
  };
})();
// Note for test authors: Boa 0.22's property inline caches are keyed by the receiver's shape
// only, so a call site that ran before lockdown may read a stale slot after lockdown turns a
// prototype's data property into an override-enabling accessor (see
// spec-tests/lockdown/override-call-site-warmed-before-lockdown.js). Harness functions used on
// both sides of a lockdown() call can misbehave; use plain try/catch across lockdown.
