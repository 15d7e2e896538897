/*---
description: Compartments can be nested several levels deep, each with its own global.
---*/
const c = new Compartment();
const result = c.evaluate(`
  globalThis.level = 1;
  const c2 = new Compartment({ __options__: true, globals: { level: 2 } });
  c2.evaluate('const c3 = new Compartment({ __options__: true, globals: { level: 3 } }); [level, c3.evaluate("level")]').concat(level);
`);
assert.compareArray(result, [2, 3, 1]);
