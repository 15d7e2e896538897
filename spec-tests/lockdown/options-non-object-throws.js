/*---
description: A non-object, non-undefined options argument throws TypeError and leaves the engine unlocked.
---*/
for (const value of [5, 'safe', true, null, Symbol('s')]) {
  let thrown = false;
  try { lockdown(value); } catch (e) { thrown = Object.getPrototypeOf(e) === TypeError.prototype; }
  assert(thrown, `lockdown(${String(value)}) throws TypeError`);
}
assert.sameValue(typeof harden, 'undefined');
lockdown({ reporting: 'none' });
assert.sameValue(typeof harden, 'function');
