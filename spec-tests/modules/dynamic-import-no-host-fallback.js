/*---
description: "A compartment without hooks never falls back to the host or the start compartment: import('/etc/passwd') or import('./Cargo.toml') from its code (evaluate, Function, modules) rejects with a TypeError, and the start compartment's own modules are not reachable."
flags: [module]
---*/
async function rejectsTypeError(promise, message) {
  try { await promise; } catch (error) {
    assert.sameValue(error.constructor, TypeError, `${message}: ${error && error.message}`);
    return error;
  }
  throw new Test262Error(`${message}: expected a rejection`);
}
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: { m: { source: new ModuleSource('export const load = s => import(s);') } },
});
for (const specifier of ['/etc/passwd', './Cargo.toml', '../../Cargo.toml', 'test.js', 'file:///etc/passwd']) {
  const error = await rejectsTypeError(c.evaluate(`import(${JSON.stringify(specifier)})`), `evaluate ${specifier}`);
  assert(error.message.includes('importHook'), error.message);
  await rejectsTypeError(c.evaluate(`Function("return import(${JSON.stringify(specifier).replace(/"/g, "'")})")()`), `Function ${specifier}`);
  await rejectsTypeError(c.import(specifier), `c.import ${specifier}`);
  const { namespace } = await c.import('m');
  await rejectsTypeError(namespace.load(specifier), `module ${specifier}`);
}
const plain = new Compartment();
await rejectsTypeError(plain.evaluate('import("/etc/passwd")'), 'no options at all');
