/*---
description: After lockdown the global functions shared with compartments are frozen.
---*/
lockdown();
for (const f of [parseInt, parseFloat, isNaN, isFinite, encodeURI, decodeURI, encodeURIComponent, decodeURIComponent]) {
  assert(Object.isFrozen(f), f.name);
}
