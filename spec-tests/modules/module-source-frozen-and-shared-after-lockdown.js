/*---
description: "After lockdown(), ModuleSource and ModuleSource.prototype are frozen and every compartment's global ModuleSource is the same constructor; instances from one compartment load in another."
flags: [module]
---*/
lockdown();
const results = [
  Object.isFrozen(ModuleSource),
  Object.isFrozen(ModuleSource.prototype),
];
const c = new Compartment();
const fromC = c.evaluate('ModuleSource');
const nested = c.evaluate('new Compartment()').evaluate('ModuleSource');
const source = c.evaluate('new ModuleSource("export default 7;")');
const d = new Compartment({ modules: { m: { source } } });
const ns = d.importNow('m');
results.push(fromC === ModuleSource, nested === ModuleSource, Object.getPrototypeOf(source) === ModuleSource.prototype, ns.default);
// Plain comparisons: harness functions warmed before lockdown can misbehave (see the harness note).
if (results.join() !== 'true,true,true,true,true,7') throw new Test262Error(`got ${results.join()}`);
