/*---
description: "Class 24: import.meta aliasing a host object (the descriptor's importMeta, an importMetaHook's argument) or being shared between modules and compartments, so a guest module writes into host state."
flags: [async]
---*/
// Isolation check, the same in every escape test (the runner loads only assert.js): the start
// compartment's global, key shared intrinsics and a bystander compartment are snapshotted
// before the attack and must be unchanged after it.
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
function snapshot() {
  const roots = [['start globalThis', globalThis], ['bystander globalThis', bystander.globalThis],
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array.prototype', Array.prototype], ['Error.prototype', Error.prototype],
    ['TypeError.prototype', TypeError.prototype], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Reflect', Reflect], ['Symbol', Symbol], ['Compartment.prototype', Compartment.prototype],
    ['%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].values()))]];
  const entries = [];
  for (const [name, object] of roots) {
    entries.push([`${name} frozen`, Object.isFrozen(object)], [`${name} [[Prototype]]`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${name}.${String(key)}.${f}`, d[f]]);
    }
  }
  entries.push(['bystander behaviour', bystander.evaluate(
    '[typeof token, token.kind, typeof assert, [1, 2].map(x => x * 2).join(), String({}), Function("return this")(), Object.keys(globalThis).join()].join("|")')]);
  return entries;
}
function assertUnchanged(before) {
  const after = snapshot();
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    assert.sameValue(is[0], was[0], 'snapshot entry');
    assert.sameValue(is[1], was[1], was[0]);
  }
}
const before = snapshot();
const hostMeta = { url: 'host://module', counter: 0 };
const source = new ModuleSource(`
  import.meta.url = 'rewritten';
  import.meta.added = true;
  export const meta = import.meta;
  export const proto = Object.getPrototypeOf(import.meta);
`);
const metaHookArguments = [];
const options = name => ({ __options__: true, __noNamespaceBox__: true, name,
  resolveHook: specifier => specifier,
  loadHook: async () => ({ source, importMeta: hostMeta }),
  importMetaHook(specifier, meta) { metaHookArguments.push(meta); meta.fromHook = specifier; },
});
const attacker = new Compartment(options('attacker'));
const other = new Compartment(options('other'));
Promise.all([attacker.import('a'), attacker.import('b'), other.import('a')]).then(([a, b, c]) => {
  assert.sameValue(hostMeta.url, 'host://module', 'the host object was copied, not aliased');
  assert.sameValue('added' in hostMeta, false);
  assert.sameValue(a.meta.url, 'rewritten');
  assert.notSameValue(a.meta, b.meta, 'each module has its own import.meta');
  assert.notSameValue(a.meta, c.meta, 'each compartment has its own import.meta');
  assert.sameValue(a.proto, null, 'import.meta has a null prototype');
  for (const meta of metaHookArguments) assert.notSameValue(meta, hostMeta);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
