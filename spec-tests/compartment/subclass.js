/*---
description: Compartment can be subclassed; instances are compartments of the subclass.
---*/
class X extends Compartment {
  hello() { return this.evaluate('"hi"'); }
}
const x = new X({ __options__: true, globals: { a: 5 } });
assert(x instanceof X, 'instanceof X');
assert(x instanceof Compartment, 'instanceof Compartment');
assert.sameValue(Object.getPrototypeOf(x), X.prototype);
assert.sameValue(x.evaluate('a'), 5);
assert.sameValue(x.hello(), 'hi');
