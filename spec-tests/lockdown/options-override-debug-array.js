/*---
description: overrideDebug accepts an array of property names and overriding still works for them.
---*/
lockdown({ overrideDebug: ['toString', 'constructor'], reporting: 'none' });
const o = {};
o.toString = () => 'mine';
assert.sameValue(`${o}`, 'mine');
