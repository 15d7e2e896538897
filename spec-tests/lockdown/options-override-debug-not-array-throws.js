/*---
description: An overrideDebug that is not an array of strings throws a TypeError naming overrideDebug, and leaves the engine unlocked.
---*/
for (const value of ['toString', [1], {}]) {
  let error;
  try { lockdown({ overrideDebug: value }); } catch (e) { error = e; }
  assert.sameValue(Object.getPrototypeOf(error), TypeError.prototype, `overrideDebug ${JSON.stringify(value)}`);
  assert(String(error.message).includes('overrideDebug'), `message: ${error.message}`);
}
assert.sameValue(typeof harden, 'undefined');
lockdown({ reporting: 'none' });
assert.sameValue(typeof harden, 'function');
