/*---
description: harden may be called re-entrantly from a proxy trap while another harden is in progress.
---*/
lockdown();
const other = { inner: {} };
const proxy = new Proxy({}, {
  preventExtensions(target) {
    harden(other);
    return Reflect.preventExtensions(target);
  },
});
harden({ proxy });
assert(Object.isFrozen(other.inner), 'the inner harden finished');
assert(Object.isFrozen(proxy), 'the outer harden finished');
