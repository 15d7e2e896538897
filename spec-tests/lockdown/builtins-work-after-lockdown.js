/*---
description: After lockdown, ordinary uses of frozen built-ins keep working in a compartment (species, iteration, subclassing, JSON, RegExp).
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('[1, 2, 3].map(x => x * 2).filter(x => x > 2).join()'), '4,6');
assert.sameValue(c.evaluate('class A extends Array {} const a = A.from([1, 2]); a.map(x => x) instanceof A'), true);
assert.sameValue(c.evaluate('new Uint8Array([1, 2]).map(x => x + 1).join()'), '2,3');
assert.sameValue(c.evaluate('function* g() { yield 1; yield 2; } [...g()].length'), 2);
assert.sameValue(c.evaluate("JSON.stringify(JSON.parse('{\"a\":[1]}'))"), '{"a":[1]}');
assert.sameValue(c.evaluate("'a-b-c'.replace(/-/g, '+')"), 'a+b+c');
assert.sameValue(c.evaluate('new Map([[1, 2]]).get(1)'), 2);
assert.sameValue(c.evaluate('String(new Error("m"))'), 'Error: m');
