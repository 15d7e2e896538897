/*---
description: "resolveHook(importSpecifier, referrerSpecifier) is called for each static and dynamic import of a module, with the module's own specifier as referrer; its result is the full specifier looked up in the compartment. Top-level specifiers given to import()/importNow() are not resolved."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  resolveHook(importSpecifier, referrerSpecifier) {
    calls.push(`${importSpecifier}<-${referrerSpecifier}`);
    const base = referrerSpecifier.split('/').slice(0, -1);
    for (const part of importSpecifier.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    return base.join('/');
  },
  modules: {
    'app/main.js': { source: new ModuleSource(`
      import { a } from './a.js';
      import { b } from '../lib/b.js';
      export const both = a + b;
      export const later = () => import('./late.js');
    `) },
    'app/a.js': { source: new ModuleSource('export const a = "a";') },
    'lib/b.js': { source: new ModuleSource('export const b = "b";') },
    'app/late.js': { source: new ModuleSource('export default "late";') },
  },
});
const { namespace } = await c.import('app/main.js');
assert.sameValue(namespace.both, 'ab');
assert.compareArray(calls.slice().sort(), ['../lib/b.js<-app/main.js', './a.js<-app/main.js']);
const late = await namespace.later();
assert.sameValue(late.default, 'late', 'dynamic import() inside a module resolves to the namespace itself (not boxed)');
assert.compareArray(calls.slice(2), ['./late.js<-app/main.js']);
