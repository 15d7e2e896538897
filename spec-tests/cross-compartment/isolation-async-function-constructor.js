/*---
description: Constructors of async and generator functions reached from a compartment cannot evaluate code that sees the start global.
flags: [async]
---*/
const c = new Compartment();
const outcome = async form => {
  let f;
  try {
    f = c.evaluate(`(${form}).constructor('return typeof assert')`);
  } catch (e) {
    return 'threw';
  }
  try {
    const r = f();
    if (form.startsWith('async function*')) return (await r.next()).value;
    if (form.startsWith('async')) return await r;
    return r.next().value;
  } catch (e) {
    return 'threw';
  }
};
(async () => {
  for (const form of ['async function () {}', 'function* () {}', 'async function* () {}']) {
    assert.notSameValue(await outcome(form), 'function', form);
  }
})().then(() => $DONE(), $DONE);
