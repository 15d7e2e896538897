/*---
description: "Emptying an array by length = 0 and then writing index 0 must store the element on every run of the same code (crypto-js's RC4 key schedule)."
boa-bug: "Boa 0.22: the second run of the same code drops the write to index 0 after w.length = 0 (an inline-cache or dense-storage fast path), so the length stays 0. Plain Boa too; upstream report text in docs/compatibility.md."
---*/
lockdown();
const c = new Compartment();
const lengths = c.evaluate(`
  function f() { const w = [1]; w.length = 0; w[0] = 7; return w.length; }
  [f(), f(), f()];
`);
assert.sameValue(JSON.stringify(lengths), '[1,1,1]');
