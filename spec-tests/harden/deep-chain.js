/*---
description: harden handles a very deep chain of nested objects without exhausting the stack.
---*/
lockdown();
const root = {};
let last = root;
for (let i = 0; i < 30000; i += 1) {
  last.next = {};
  last = last.next;
}
harden(root);
assert(Object.isFrozen(last), 'the deepest object is frozen');
