/*---
description: Each string-valued option rejects an unknown value with a TypeError naming that option.
---*/
const names = [
  'errorTaming', 'errorTrapping', 'reporting', 'unhandledRejectionTrapping', 'regExpTaming',
  'localeTaming', 'consoleTaming', 'overrideTaming', 'stackFiltering', 'domainTaming',
  'evalTaming', 'legacyRegeneratorRuntimeTaming', '__hardenTaming__',
];
for (const name of names) {
  let error;
  try { lockdown({ [name]: 'no-such-value' }); } catch (e) { error = e; }
  assert.sameValue(Object.getPrototypeOf(error), TypeError.prototype, name);
  assert(String(error.message).includes(name), `${name} message: ${error.message}`);
}
assert.sameValue(typeof harden, 'undefined', 'still not locked down');
