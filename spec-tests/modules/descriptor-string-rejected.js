/*---
description: A string module descriptor is rejected with a TypeError telling to use a {source} descriptor, from the modules map (import and importNow) and from a hook.
flags: [module]
---*/
async function rejects(ErrorType, promise, message) {
  try { await promise; } catch (error) {
    assert.sameValue(error.constructor, ErrorType, `${message}: ${error && error.message}`);
    return error;
  }
  throw new Test262Error(`${message}: expected a ${ErrorType.name} rejection`);
}
const c = new Compartment({
  name: 'strings',
  modules: { a: 'b' },
  importHook: async () => 'elsewhere',
  importNowHook: () => 'elsewhere',
});
const mapped = await rejects(TypeError, c.import('a'), 'map import');
assert(mapped.message.includes('{source}'), `message mentions {source}: ${mapped.message}`);
assert(mapped.message.includes('"a"') && mapped.message.includes('"b"'), `message names both strings: ${mapped.message}`);
const now = assert.throws(TypeError, () => c.importNow('a'), 'map importNow');
assert(now.message.includes('{source}'), `importNow message mentions {source}: ${now.message}`);
const hooked = await rejects(TypeError, c.import('h'), 'hook import');
assert(hooked.message.includes('{source}') && hooked.message.includes('elsewhere'), `hook message: ${hooked.message}`);
const hookedNow = assert.throws(TypeError, () => c.importNow('h2'), 'hook importNow');
assert(hookedNow.message.includes('{source}'), `importNowHook message: ${hookedNow.message}`);
