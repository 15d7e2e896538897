/*---
description: With localeTaming 'safe', a locale argument is not read as the plain method's own argument (a BigInt radix, Temporal options); elsewhere the tamed method is the plain one, as in SES.
---*/
lockdown();
assert.sameValue(5n.toLocaleString('en'), '5');
assert.sameValue((255n).toLocaleString('de-DE', { style: 'currency' }), '255');
assert.sameValue(BigInt.prototype.toLocaleString.name, 'toLocaleString');
if (typeof Temporal !== 'undefined') {
  assert.sameValue(Temporal.PlainDate.from('2024-01-02').toLocaleString('en-US'), '2024-01-02');
  assert.sameValue(Temporal.PlainTime.from('10:20').toLocaleString('en-US', { hour: 'numeric' }), '10:20:00');
}
assert.sameValue((37).toLocaleString('en'), '37');
assert.sameValue(Array.prototype.toLocaleString, Array.prototype.toString);
