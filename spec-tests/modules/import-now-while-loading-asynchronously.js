/*---
description: "importNow() of a specifier whose import() is still waiting on its importHook throws a TypeError saying it is being loaded asynchronously (importNowHook is not asked); once the import settles, importNow returns the same instance."
flags: [module]
---*/
const log = [];
let release;
let hookCalled;
const called = new Promise(resolve => { hookCalled = resolve; });
const c = new Compartment({
  name: 'busy',
  importHook: specifier => {
    log.push(`importHook:${specifier}`);
    hookCalled();
    return new Promise(resolve => { release = () => resolve({ source: new ModuleSource('export default 1;') }); });
  },
  importNowHook: specifier => { log.push(`importNowHook:${specifier}`); return { source: new ModuleSource('export default 2;') }; },
});
const pending = c.import('m');
await called;
const error = assert.throws(TypeError, () => c.importNow('m'));
assert(error.message.includes('asynchronously') && error.message.includes('"m"'), error.message);
release();
const { namespace } = await pending;
const now = c.importNow('m');
assert.sameValue(now, namespace);
assert.sameValue(namespace.default, 1);
assert.compareArray(log, ['importHook:m']);
