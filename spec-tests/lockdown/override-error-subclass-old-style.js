/*---
description: With overrideTaming moderate, the pre-class pattern Child.prototype = Object.create(Error.prototype); Child.prototype.constructor = Child works.
---*/
lockdown();
const c = new Compartment();
const ok = c.evaluate(`
  function MyError(message) { this.message = message; }
  MyError.prototype = Object.create(Error.prototype);
  MyError.prototype.constructor = MyError;
  MyError.prototype.name = 'MyError';
  const e = new MyError('m');
  e instanceof Error && e.constructor === MyError && String(e) === 'MyError: m'
`);
assert.sameValue(ok, true);
