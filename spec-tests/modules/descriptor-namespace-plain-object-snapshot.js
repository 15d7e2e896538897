/*---
description: "{namespace: plainObject} makes a virtual namespace of the object's own enumerable string-keyed properties, read when the module is loaded: getters run once per loading compartment and later changes are not seen."
flags: [module]
---*/
let getterRuns = 0;
let neverRuns = 0;
const object = Object.create(
  { get inherited() { neverRuns += 1; return 'no'; } },
  {
    plain: { value: 1, enumerable: true, writable: true, configurable: true },
    computed: { get() { getterRuns += 1; return object.plain * 10; }, enumerable: true, configurable: true },
    hidden: { get() { neverRuns += 1; return 'no'; }, enumerable: false },
    [Symbol('s')]: { get() { neverRuns += 1; return 'no'; }, enumerable: true },
    shared: { value: { deep: 1 }, enumerable: true },
  },
);
const c1 = new Compartment({ modules: { obj: { namespace: object } } });
const c2 = new Compartment({ modules: { obj: { namespace: object } } });
assert.sameValue(getterRuns, 0, 'nothing is read at construction');
const ns1 = c1.importNow('obj');
assert.sameValue(getterRuns, 1, 'read once when c1 loads it');
c1.importNow('obj');
await c1.import('obj');
assert.sameValue(getterRuns, 1, 'not read again in c1');
object.plain = 2;
const ns2 = (await c2.import('obj')).namespace;
assert.sameValue(getterRuns, 2, 'read once more for c2');
assert.sameValue(neverRuns, 0, 'inherited, non-enumerable and symbol-keyed properties are not read');
assert.compareArray(Object.keys(ns1).sort(), ['computed', 'plain', 'shared']);
assert.sameValue(ns1.plain, 1, 'c1 keeps its snapshot');
assert.sameValue(ns1.computed, 10);
assert.sameValue(ns2.plain, 2, 'c2 read the value at its load');
assert.sameValue(ns2.computed, 20);
object.plain = 3;
assert.sameValue(ns1.plain, 1, 'later changes are not seen');
assert.sameValue(ns1.shared, ns2.shared, 'values are shared, not copied deeply');
assert.notSameValue(ns1, ns2, 'each compartment has its own virtual module');
