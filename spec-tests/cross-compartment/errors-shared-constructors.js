/*---
description: Errors raised by the engine inside a compartment are instances of the shared error constructors.
---*/
const c = new Compartment();
const caught = c.evaluate(`
  const out = [];
  try { null.x; } catch (e) { out.push(e); }
  try { missingName; } catch (e) { out.push(e); }
  try { new Array(-1); } catch (e) { out.push(e); }
  out;
`);
assert.sameValue(caught[0].constructor, TypeError);
assert.sameValue(caught[1].constructor, ReferenceError);
assert.sameValue(caught[2].constructor, RangeError);
assert(caught[0] instanceof Error, 'instanceof Error');
