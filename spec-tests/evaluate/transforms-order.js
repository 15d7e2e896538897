/*---
description: evaluate's transforms run in array order, before the compartment's own transforms.
---*/
const seen = [];
const c = new Compartment({
  __options__: true,
  transforms: [src => { seen.push('c1'); return `${src} + "c1"`; }, src => { seen.push('c2'); return `${src} + "c2"`; }],
});
const result = c.evaluate('"s"', {
  transforms: [src => { seen.push('e1'); return `${src} + "e1"`; }, src => { seen.push('e2'); return `${src} + "e2"`; }],
});
assert.sameValue(result, 'se1e2c1c2');
assert.compareArray(seen, ['e1', 'e2', 'c1', 'c2']);
