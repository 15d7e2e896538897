/*---
description: "A SES-shim virtual module source {imports, exports, execute(exportsTarget, compartment, resolvedImports)}: its imports load and run first, execute gets the compartment and the resolved specifiers, and what it writes on exportsTarget is exported."
flags: [module]
---*/
const order = [];
const record = { log(entry) { order.push(entry); } };
let args;
const virtual = {
  imports: ['./dep'],
  exports: ['a', 'b'],
  execute(exportsTarget, compartment, resolvedImports) {
    record.log('virtual');
    args = { compartment, resolvedImports };
    exportsTarget.a = 1;
    exportsTarget.b = 'two';
  },
};
const c = new Compartment({
  globals: { record },
  resolveHook: (specifier, referrer) => `${referrer}:${specifier}`,
  modules: {
    v: { source: virtual },
    'v:./dep': { source: new ModuleSource('record.log("dep");') },
  },
});
const { namespace } = await c.import('v');
assert.compareArray(order, ['dep', 'virtual'], 'imports ran first');
assert.sameValue(args.compartment, c, 'execute gets the compartment');
assert.sameValue(args.resolvedImports['./dep'], 'v:./dep', 'execute gets the resolved imports');
assert.compareArray(Object.keys(namespace).sort(), ['a', 'b']);
assert.sameValue(namespace.a, 1);
assert.sameValue(namespace.b, 'two');
