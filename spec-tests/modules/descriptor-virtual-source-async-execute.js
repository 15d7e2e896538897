/*---
description: "An XS virtual source whose execute is an async function plays the role of top-level await: import() waits for it (exports set after an await are seen, dependants run after it), and importNow() refuses it with a TypeError without calling execute."
flags: [module]
---*/
const log = [];
const virtual = {
  bindings: [{ export: 'v' }],
  async execute($) {
    log.push('execute');
    await null;
    $.v = 'after await';
    log.push('executed');
  },
};
const make = () => new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  modules: {
    v: { source: virtual },
    user: { source: new ModuleSource('import { v } from "v"; log.push("user saw " + v); export { v };') },
  },
});
const sync = make();
const error = assert.throws(TypeError, () => sync.importNow('user'));
assert(error.message.includes('await'), error.message);
assert.compareArray(log, [], 'execute was not called');
const { namespace } = await make().import('user');
assert.sameValue(namespace.v, 'after await');
assert.compareArray(log, ['execute', 'executed', 'user saw after await']);
