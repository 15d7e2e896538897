/*---
description: lockdown accepts an options object naming every ses 2.3.0 option at once.
---*/
lockdown({
  errorTaming: 'safe',
  errorTrapping: 'platform',
  reporting: 'none',
  unhandledRejectionTrapping: 'report',
  regExpTaming: 'safe',
  localeTaming: 'safe',
  consoleTaming: 'safe',
  overrideTaming: 'moderate',
  overrideDebug: [],
  stackFiltering: 'concise',
  domainTaming: 'safe',
  evalTaming: 'safe-eval',
  legacyRegeneratorRuntimeTaming: 'safe',
  __hardenTaming__: 'safe',
  dateTaming: 'safe',
  mathTaming: 'safe',
});
assert(Object.isFrozen(Array.prototype), 'locked down');
