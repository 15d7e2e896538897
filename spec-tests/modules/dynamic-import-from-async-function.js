/*---
description: "import() inside async functions, async arrows, generators and promise reactions created by compartment code reaches that compartment's hooks, even when run after an await or from a job."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  importHook: async specifier => {
    calls.push(specifier);
    return { source: new ModuleSource(`export default "${specifier}";`) };
  },
});
const results = await c.evaluate(`
  (async () => {
    const out = [];
    async function f() { await null; return import('async-fn'); }
    out.push((await f()).default);
    const arrow = async () => { await Promise.resolve(); return (await import('async-arrow')).default; };
    out.push(await arrow());
    function* g() { yield import('generator'); }
    out.push((await g().next().value).default);
    out.push(await Promise.resolve().then(() => import('reaction')).then(ns => ns.default));
    return out;
  })()
`);
assert.compareArray(results, ['async-fn', 'async-arrow', 'generator', 'reaction']);
assert.compareArray(calls, ['async-fn', 'async-arrow', 'generator', 'reaction']);
