/*---
description: "importNow() loads, links and evaluates the graph before returning the namespace itself (never boxed, never a promise); no promise job runs while it works, even ones the hooks or modules enqueue."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  importNowHook(specifier) {
    log.push(`hook:${specifier}`);
    Promise.resolve().then(() => log.push(`hook job:${specifier}`));
    return { source: new ModuleSource(`log.push("run:${specifier}"); Promise.resolve().then(() => log.push("module job:${specifier}")); ${specifier === 'main' ? 'import "dep"; export const x = 1;' : ''}`) };
  },
});
Promise.resolve().then(() => log.push('earlier job'));
const namespace = c.importNow('main');
assert.sameValue(typeof namespace.then, 'undefined', 'not a promise');
assert.sameValue(namespace[Symbol.toStringTag], 'Module', 'the namespace itself');
assert.sameValue(namespace.x, 1);
assert.compareArray(log, ['hook:main', 'hook:dep', 'run:dep', 'run:main'], 'no promise job ran during importNow');
await null;
await null;
assert(log.includes('earlier job') && log.includes('hook job:main') && log.includes('module job:main'), `jobs ran afterwards: ${log}`);
