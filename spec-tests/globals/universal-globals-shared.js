/*---
description: Universal globals other than the evaluators are the very same objects in every compartment.
---*/
const c = new Compartment();
const names = ['Array', 'Object', 'JSON', 'Promise', 'Math', 'Reflect', 'Error', 'TypeError',
  'RangeError', 'Symbol', 'Map', 'Set', 'WeakMap', 'String', 'Number', 'Boolean', 'Date', 'RegExp',
  'Proxy', 'parseInt', 'isNaN', 'encodeURIComponent'];
for (const name of names) {
  assert.sameValue(c.evaluate(name), globalThis[name], name);
  assert.sameValue(c.globalThis[name], globalThis[name], `globalThis.${name}`);
}
