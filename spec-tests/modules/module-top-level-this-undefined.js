/*---
description: "`this` at the top level of a module in a compartment is undefined, module code is strict, and top-level declarations do not become properties of the compartment's global."
flags: [module]
---*/
const c = new Compartment({
  modules: {
    m: { source: new ModuleSource(`
      export const self = this;
      export const strict = (function () { return this; })() === undefined;
      var declared = 1;
      function f() {}
      export const onGlobal = 'declared' in globalThis || 'f' in globalThis;
    `) },
  },
});
const { namespace } = await c.import('m');
assert.sameValue(namespace.self, undefined);
assert.sameValue(namespace.strict, true);
assert.sameValue(namespace.onGlobal, false);
assert.sameValue('declared' in c.globalThis, false);
