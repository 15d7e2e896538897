/*---
description: After lockdown the AsyncFunction constructor reached from an async function is inert.
---*/
lockdown();
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
assert.throws(TypeError, () => AsyncFunction('return 1'));
assert.throws(TypeError, () => new AsyncFunction('return 1'));
