/*---
description: harden freezes a bound function.
---*/
lockdown();
const bound = function () { return this; }.bind({});
harden(bound);
assert(Object.isFrozen(bound), 'bound function frozen');
