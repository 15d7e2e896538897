/*---
description: "The {namespace} box exists because a module may export `then`: boxed, the exported then is not called and is reachable as namespace.then; unboxed (__noNamespaceBox__: true), the promise machinery takes the namespace for a thenable and calls it."
flags: [module]
---*/
const calls = [];
const source = new ModuleSource('export function then(resolve) { calls.push("then"); resolve("hijacked"); }');
const boxed = new Compartment({ globals: { calls }, modules: { m: { source } } });
const box = await boxed.import('m');
assert.sameValue(typeof box.namespace.then, 'function');
assert.compareArray(calls, [], 'the boxed namespace was not treated as a thenable');
const unboxed = new Compartment({ __noNamespaceBox__: true, globals: { calls }, modules: { m: { source } } });
const result = await unboxed.import('m');
assert.sameValue(result, 'hijacked', 'the unboxed namespace is adopted as a thenable');
assert.compareArray(calls, ['then']);
