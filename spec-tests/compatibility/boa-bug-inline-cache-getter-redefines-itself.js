/*---
description: "A getter that redefines its own property as a data property (a lazy memo, zod's discriminatedUnion) must not leave a read site's inline cache calling the stored value as a getter."
boa-bug: "Boa 0.22: the read site's inline cache keeps the accessor slot after the property became a data property on an object of the same shape, then calls the data value as the getter (TypeError: not a callable function). Plain Boa too; upstream report text in docs/compatibility.md."
---*/
lockdown();
const c = new Compartment();
const kind = c.evaluate(`
  function make(v) {
    const o = {};
    Object.defineProperty(o, 'p', { configurable: true,
      get() { Object.defineProperty(o, 'p', { value: v }); return v; } });
    return o;
  }
  function read(o) { return o.p; }
  read(make({}));
  const b = make({});
  b.p;
  typeof read(b);
`);
assert.sameValue(kind, 'object');
