/*---
description: A hardened ArrayBuffer is frozen but its contents stay writable through views.
---*/
lockdown();
const buffer = harden(new ArrayBuffer(4));
assert(Object.isFrozen(buffer), 'frozen');
const view = new Uint8Array(buffer);
view[0] = 9;
assert.sameValue(view[0], 9);
