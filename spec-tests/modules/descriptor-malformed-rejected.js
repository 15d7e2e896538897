/*---
description: Malformed module descriptors and module sources fail to load with a TypeError whose message names the module and says what is wrong.
flags: [module]
---*/
const execute = () => {};
const cases = {
  number: [42, 'must be an object'],
  nullValue: [null, 'must be an object'],
  empty: [{}, 'execute'],
  sourceNumber: [{ source: 42 }, 'Invalid module source'],
  noExecute: [{ source: { bindings: [] } }, 'execute'],
  executeNotCallable: [{ source: { execute: 1 } }, 'execute'],
  bindingsNotArray: [{ source: { bindings: 'x', execute } }, "'bindings' must be an array"],
  bindingNotObject: [{ source: { bindings: [1], execute } }, 'bindings[0] must be an object'],
  bindingUnknown: [{ source: { bindings: [{ bogus: 'x' }], execute } }, 'bindings[0]'],
  bindingFieldNotString: [{ source: { bindings: [{ export: 1 }], execute } }, 'bindings[0].export must be a string'],
  importAllWithoutAs: [{ source: { bindings: [{ importAllFrom: 'x' }], execute } }, "without 'as'"],
  importsNotArray: [{ source: { imports: 'x', exports: [], execute } }, "'imports' must be an array of strings"],
  importsNotStrings: [{ source: { imports: [1], exports: [], execute } }, "'imports' must be an array of strings"],
  exportsNotStrings: [{ source: { imports: [], exports: [{}], execute } }, "'exports' must be an array of strings"],
  namespaceNumber: [{ namespace: 42 }, 'must be a string or an object'],
  specifierNotString: [{ source: new ModuleSource(''), specifier: 42 }, 'specifier'],
  importMetaNotObject: [{ source: new ModuleSource('import.meta;'), importMeta: 42 }, 'importMeta'],
};
const modules = {};
for (const [name, [descriptor]] of Object.entries(cases)) modules[name] = descriptor;
const c = new Compartment({ modules });
for (const [name, [, phrase]] of Object.entries(cases)) {
  const error = assert.throws(TypeError, () => c.importNow(name), `importNow ${name}`);
  assert(error.message.includes(phrase), `${name}: "${error.message}" should mention ${phrase}`);
  if (!['importsNotArray', 'importsNotStrings', 'exportsNotStrings', 'bindingsNotArray', 'bindingNotObject', 'bindingUnknown', 'bindingFieldNotString', 'importAllWithoutAs'].includes(name)) {
    assert(error.message.includes(`"${name}"`), `${name}: "${error.message}" should name the module`);
  }
  let rejected;
  try { await c.import(name); } catch (e) { rejected = e; }
  assert.sameValue(rejected && rejected.constructor, TypeError, `import ${name}`);
}
