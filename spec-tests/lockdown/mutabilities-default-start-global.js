/*---
description: mutabilities() with no argument audits the start compartment's global, where the harness's functions are mutable.
---*/
lockdown();
const found = mutabilities();
assert(found.some(path => path.startsWith('root:')), 'the start global itself');
assert(found.some(path => path.startsWith('root.assert')), JSON.stringify(found));
