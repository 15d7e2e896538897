/*---
description: "Module code reads and writes its own compartment's globals (endowments, globalThis, eval, Function, Compartment), not those of the compartment that imports it."
flags: [module]
---*/
globalThis.who = 'start';
const c = new Compartment({
  globals: { who: 'c' },
  modules: {
    m: { source: new ModuleSource(`
      export const whoValue = who;
      export const global = globalThis;
      export const evalWho = (0, eval)('who');
      export const functionWho = Function('return who')();
      export const compartmentCtor = Compartment;
      globalThis.written = 'by module';
    `) },
  },
});
const { namespace } = await c.import('m');
assert.sameValue(namespace.whoValue, 'c');
assert.sameValue(namespace.global, c.globalThis);
assert.sameValue(namespace.evalWho, 'c');
assert.sameValue(namespace.functionWho, 'c');
assert.sameValue(namespace.compartmentCtor, c.globalThis.Compartment);
assert.notSameValue(namespace.compartmentCtor, Compartment);
assert.sameValue(c.globalThis.written, 'by module');
assert.sameValue('written' in globalThis, false, 'the start compartment is untouched');
const missing = new Compartment({ modules: { m: { source: new ModuleSource('export const f = () => typeof who;') } } });
const ns2 = missing.importNow('m');
assert.sameValue(ns2.f(), 'undefined', 'the start compartment\'s globals are not visible');
