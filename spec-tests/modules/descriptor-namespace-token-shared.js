/*---
description: A namespace object from importNow() or import() used directly as a module descriptor links to that module instance (the same namespace, initialised once, live bindings shared).
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const source = new ModuleSource('counter.hit(); export let v = 1; export function bump() { v += 1; }');
const a = new Compartment({ globals: { counter }, modules: { m: { source }, n: { source } } });
const fromImportNow = a.importNow('m');
const { namespace: fromImport } = await a.import('n');
assert.sameValue(runs, 2, 'm and n each ran once in a');
const b = new Compartment({
  modules: {
    viaNow: fromImportNow,
    viaImport: fromImport,
    user: { source: new ModuleSource('import { v } from "viaNow"; export const read = () => v;') },
  },
  resolveHook: specifier => specifier,
});
assert.sameValue(b.importNow('viaNow'), fromImportNow, 'importNow namespace as descriptor');
assert.sameValue((await b.import('viaImport')).namespace, fromImport, 'import namespace as descriptor');
const user = b.importNow('user');
assert.sameValue(runs, 2, 'aliases did not run the modules again');
fromImportNow.bump();
assert.sameValue(user.read(), 2, 'b sees the live binding of a\'s instance');
