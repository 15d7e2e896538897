/*---
description: ({}).constructor.constructor inside a compartment cannot reach the start compartment's globals.
---*/
const c = new Compartment();
let result;
try {
  result = c.evaluate('({}).constructor.constructor("return typeof assert")()');
} catch (e) {
  result = e.constructor.name;
}
assert.notSameValue(result, 'function', 'assert must not be reachable');
assert.sameValue(result, 'EvalError', 'the realm Function refuses to compile');
