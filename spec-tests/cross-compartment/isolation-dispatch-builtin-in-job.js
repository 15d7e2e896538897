/*---
description: The realm's own Function, reached as Function.prototype.constructor in a compartment and called by a builtin as a promise job (where no compartment code is running), refuses to compile; code with no owner cannot come into existence.
flags: [async]
---*/
const c = new Compartment();
const p = c.evaluate(`Promise.resolve("return this").then(Function.prototype.constructor)`);
p.then(() => { throw new Test262Error('the realm Function compiled code'); },
  e => { assert.sameValue(e.constructor, EvalError); }).then(() => $DONE(), $DONE);
