/*---
description: After lockdown the AsyncGeneratorFunction constructor reached from an async generator is inert.
---*/
lockdown();
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
assert.throws(TypeError, () => AsyncGeneratorFunction('yield 1'));
assert.throws(TypeError, () => new AsyncGeneratorFunction('yield 1'));
