/*---
description: "With the default errorTaming 'safe', error.stack is just Name: message, in compartments and in the start compartment."
---*/
lockdown();
assert.sameValue(new Error('m').stack, 'Error: m');
const c = new Compartment();
assert.sameValue(c.evaluate("new Error('m').stack"), 'Error: m');
assert.sameValue(c.evaluate("(function f() { return new Error('deep').stack; })()"), 'Error: deep');
