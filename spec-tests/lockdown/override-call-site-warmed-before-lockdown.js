/*---
description: A property access site that ran before lockdown still finds the right method after lockdown turned that method into an override accessor.
boa-bug: "Boa 0.22's inline cache keys a prototype property's slot by the receiver's shape only, so after lockdown turns Array.prototype.push into an accessor a call site warmed earlier reads a stale slot (here it calls a different function)."
---*/
const log = [];
const add = value => { log.push(value); return log.length; };
add('before');
lockdown();
assert.sameValue(add('after'), 2);
assert.compareArray(log, ['before', 'after']);
