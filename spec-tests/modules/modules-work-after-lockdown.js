/*---
description: "After lockdown(), compartments still load and link modules (map, hooks, resolveHook, virtual namespaces), live bindings still work, module code still sees its own compartment's globals, and namespaces are not writable."
flags: [module]
---*/
lockdown();
const c = new Compartment({
  globals: { who: 'c' },
  resolveHook: specifier => specifier,
  modules: {
    counter: { source: new ModuleSource('export let n = 0; export function inc() { n += 1; }') },
    data: { namespace: { answer: 42 } },
  },
  importHook: async () => ({ source: new ModuleSource('import { n, inc } from "counter"; import { answer } from "data"; export const run = () => { inc(); return [n, answer, who].join(); };') }),
});
const { namespace } = await c.import('main');
const first = namespace.run();
const second = namespace.run();
let writeError = 'none';
try { namespace.run = null; } catch (e) { writeError = e.constructor === TypeError ? 'TypeError' : 'other'; }
// Plain comparisons: harness functions warmed before lockdown can misbehave (see the harness note).
const got = [first, second, writeError].join('|');
if (got !== '1,42,c|2,42,c|TypeError') throw new Test262Error(`got ${got}`);
