/*---
description: A typed array over a resizable buffer cannot be made non-extensible (its [[PreventExtensions]] returns false), so harden throws TypeError.
---*/
lockdown();
const buffer = new ArrayBuffer(2, { maxByteLength: 8 });
const ta = new Uint8Array(buffer);
assert.throws(TypeError, () => harden(ta));
assert.sameValue(Object.isExtensible(ta), true);
assert.throws(TypeError, () => harden(new Uint8Array(buffer, 0, 1)), 'fixed length view of a resizable buffer');
