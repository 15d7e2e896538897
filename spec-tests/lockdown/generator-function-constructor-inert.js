/*---
description: After lockdown the GeneratorFunction constructor reached from a generator is inert.
---*/
lockdown();
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
assert.throws(TypeError, () => GeneratorFunction('yield 1'));
assert.throws(TypeError, () => new GeneratorFunction('yield 1'));
