/*---
description: "import() in code from a compartment's own eval (indirect; direct eval is refused in compartment code) and Function, including functions called later from the start compartment, reaches that compartment's hooks only."
flags: [module]
---*/
const calls = [];
const make = name => new Compartment({
  importHook: async specifier => {
    calls.push(`${name}:${specifier}`);
    return { source: new ModuleSource(`export default "${name}";`) };
  },
});
const c = make('c');
const other = make('other');
const viaIndirectEval = await c.evaluate('(0, eval)("import(\'e1\')")');
const viaFunction = await c.evaluate('Function("return import(\'f1\')")()');
const viaGlobalEval = await c.globalThis.eval('import("e2")');
const viaGlobalFunction = await c.globalThis.Function('return import("f2")')();
const later = c.evaluate('Function("s", "return import(s)")');
other.globalThis.later = later;
const viaCallFromOther = await other.evaluate('later("f3")');
const viaCallFromStart = await later('f4');
for (const namespace of [viaIndirectEval, viaFunction, viaGlobalEval, viaGlobalFunction, viaCallFromOther, viaCallFromStart]) {
  assert.sameValue(namespace.default, 'c');
}
assert.compareArray(calls, ['c:e1', 'c:f1', 'c:e2', 'c:f2', 'c:f3', 'c:f4']);
