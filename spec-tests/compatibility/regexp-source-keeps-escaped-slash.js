/*---
description: "RegExp.prototype.source escapes a '/' only where the pattern has it unescaped and outside a class, so /a\\/b/.source is 'a\\/b' (marked's autolinks). Boa 0.22's getter escapes every '/' again ('a\\\\/b'); the engine installs a correct getter before lockdown."
---*/
const cases = [
  [/a\/b/, 'a\\/b'],
  [new RegExp('a/b'), 'a\\/b'],
  [new RegExp('[/]'), '[/]'],
  [new RegExp('[\\]/]/'), '[\\]/]\\/'],
  [/\\\//, '\\\\\\/'],
  [new RegExp(''), '(?:)'],
  [new RegExp('\n'), '\\n'],
  [/x/g, 'x'],
];
const check = label => {
  for (const [re, expected] of cases) {
    assert.sameValue(re.source, expected, `${label}: ${expected}`);
    // The source re-creates an equivalent expression.
    assert.sameValue(new RegExp(re.source, re.flags).source, expected, `${label}: round trip of ${expected}`);
  }
  assert.sameValue(RegExp.prototype.source, '(?:)');
  assert.throws(TypeError, () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call({}));
};
check('before lockdown');
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('/a\\/b/.source'), 'a\\/b', 'in a compartment');
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get), 'the getter is frozen');
