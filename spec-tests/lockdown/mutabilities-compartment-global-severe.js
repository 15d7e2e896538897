/*---
description: With overrideTaming severe, everything reachable from a new compartment's global is still frozen.
---*/
lockdown({ overrideTaming: 'severe', localeTaming: 'unsafe', errorTaming: 'unsafe' });
const found = mutabilities(new Compartment().globalThis);
for (const path of found) assert(path.startsWith('root:'), `unexpected mutable object: ${path}`);
