/*---
description: "{source: ModuleSource, specifier} instantiates the source here; its imports are resolved against the given specifier rather than the requested one."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  modules: {
    main: {
      source: new ModuleSource('import { v } from "./dep.js"; export default v;'),
      specifier: 'lib/main.js',
    },
    'lib/dep.js': { source: new ModuleSource('export const v = "dep";') },
  },
  resolveHook(importSpecifier, referrerSpecifier) {
    calls.push([importSpecifier, referrerSpecifier]);
    return referrerSpecifier.replace(/[^/]*$/, '') + importSpecifier.replace(/^\.\//, '');
  },
});
const { namespace } = await c.import('main');
assert.sameValue(namespace.default, 'dep');
assert.sameValue(calls.length, 1);
assert.compareArray(calls[0], ['./dep.js', 'lib/main.js'], 'resolved against the descriptor specifier');
