/*---
description: "A module descriptor that aliases its own specifier in its own compartment ({namespace: 'x', compartment: self}) fails with a TypeError instead of hanging: importNow throws at once, import() rejects once nothing else can run."
flags: [async]
---*/
let self;
self = new Compartment({
  moduleMapHook: specifier => (specifier === 'x' ? { namespace: 'x', compartment: self } : undefined),
});
assert.throws(TypeError, () => self.importNow('x'), 'importNow');
self.import('x').then(
  () => { throw new Test262Error('the self-alias import fulfilled'); },
  error => { assert.sameValue(error.constructor, TypeError, error.message); },
).then(() => $DONE(), $DONE);
