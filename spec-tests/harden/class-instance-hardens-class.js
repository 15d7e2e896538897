/*---
description: Hardening a class instance hardens its class through prototype.constructor, including static members.
---*/
lockdown();
class C {
  static shared = {};
  method() { return 1; }
}
const instance = harden(new C());
assert(Object.isFrozen(instance), 'instance');
assert(Object.isFrozen(C.prototype), 'C.prototype');
assert(Object.isFrozen(C), 'C');
assert(Object.isFrozen(C.shared), 'static value');
assert(Object.isFrozen(C.prototype.method), 'method');
assert.sameValue(instance.method(), 1);
