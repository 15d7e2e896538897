/*---
description: When harden fails part-way through a graph, a later harden of the same root walks it again and finishes the job.
---*/
lockdown();
let refuse = true;
const target = { deep: {} };
const proxy = new Proxy(target, {
  preventExtensions(t) {
    if (refuse) throw new TypeError('not yet');
    return Reflect.preventExtensions(t);
  },
});
const root = { first: {}, proxy };
assert.throws(TypeError, () => harden(root));
refuse = false;
assert.sameValue(harden(root), root);
assert(Object.isFrozen(target), 'proxy target frozen on retry');
assert(Object.isFrozen(target.deep), 'beyond the proxy frozen on retry');
