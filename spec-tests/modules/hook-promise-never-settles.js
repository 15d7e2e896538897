/*---
description: "An importHook promise that never settles makes import() reject with a TypeError mentioning 'never settled' once the job queue has nothing else to run; other work finishes first and the compartment stays usable."
flags: [async]
---*/
const log = [];
const c = new Compartment({
  importHook: specifier => (specifier === 'stuck'
    ? new Promise(() => {})
    : Promise.resolve({ source: new ModuleSource('export default "fine";') })),
});
c.import('stuck').then(
  () => { throw new Test262Error('the stuck import fulfilled'); },
  error => {
    log.push('rejected');
    assert.sameValue(error.constructor, TypeError);
    assert(error.message.includes('never settled'), error.message);
    assert(error.message.includes('stuck'), error.message);
    assert(log.includes('other work'), 'other jobs ran first');
    return c.import('other');
  },
).then(({ namespace }) => {
  assert.sameValue(namespace.default, 'fine');
  assert.compareArray(log, ['other work', 'rejected']);
}).then(() => $DONE(), $DONE);
(async () => { for (let i = 0; i < 20; i += 1) await null; log.push('other work'); })();
