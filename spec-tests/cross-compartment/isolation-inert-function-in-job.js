/*---
description: The realm's generator, async and async-generator function constructors refuse to compile in a compartment, directly and as a promise job.
flags: [async]
---*/
const c = new Compartment();
const kinds = ['(function* () {})', '(async function () {})', '(async function* () {})', '(function () {})'];
for (const kind of kinds) {
  assert.throws(EvalError, () => c.evaluate(`${kind}.constructor("return 1")`), kind);
}
const jobs = kinds.map(kind => c.evaluate(`Promise.resolve("return 1").then(${kind}.constructor)`)
  .then(() => { throw new Test262Error(`${kind}.constructor compiled code in a job`); },
    e => { assert.sameValue(e.constructor, EvalError, kind); }));
Promise.all(jobs).then(() => $DONE(), $DONE);
