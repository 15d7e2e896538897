/*---
description: With the default overrideTaming, the common pattern F.prototype.toString = ... / F.prototype.valueOf = ... works.
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate(`
  function Money(n) { this.n = n; }
  Money.prototype.toString = function () { return '$' + this.n; };
  Money.prototype.valueOf = function () { return this.n; };
  const m = new Money(3);
  [String(m), m + 1]
`);
assert.compareArray(result, ['$3', 4]);
