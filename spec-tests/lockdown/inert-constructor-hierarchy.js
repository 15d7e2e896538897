/*---
description: The inert GeneratorFunction, AsyncFunction and AsyncGeneratorFunction constructors inherit from the inert Function constructor.
---*/
lockdown();
const InertFunction = Function.prototype.constructor;
for (const f of [function* () {}, async function () {}, async function* () {}]) {
  const InertConstructor = Object.getPrototypeOf(f).constructor;
  assert.sameValue(Object.getPrototypeOf(InertConstructor), InertFunction, String(f));
  assert.sameValue(InertConstructor.prototype, Object.getPrototypeOf(f), 'prototype link');
}
