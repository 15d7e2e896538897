/*---
description: "Class 28: inside a module of a compartment whose hook denies a specifier, import() through indirect eval, Function or a child compartment reaching a loader that allows it (the host's, the parent's, the file system)."
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
const asked = [];
const deny = new Set(['denied']);
const attacker = new Compartment({ __options__: true, __noNamespaceBox__: true, name: 'attacker',
  resolveHook: specifier => specifier,
  loadHook: async specifier => {
    asked.push(specifier);
    if (deny.has(specifier)) throw new Error(`denied: ${specifier}`);
    if (specifier === 'main') {
      return { source: new ModuleSource(`
        const settle = p => p.then(() => 'loaded', e => 'rejected:' + (e instanceof Error));
        export const results = Promise.all([
          settle(import('denied')),
          settle((0, eval)('import("denied")')),
          settle(Function('return import("denied")')()),
          settle(new Compartment().evaluate('import("denied")')),
          settle((0, eval)('import("/etc/passwd")')),
        ]);
      `) };
    }
    return { source: new ModuleSource(`export default ${JSON.stringify(specifier)};`) };
  },
});
attacker.import('main').then(ns => ns.results).then(results => {
  assert.compareArray(results, ['rejected:true', 'rejected:true', 'rejected:true', 'rejected:true', 'loaded']);
  // The compartment's own hook refused it (a failed load is remembered per compartment, so it
  // may be asked once); no other loader answered, and the child, which has none, loaded nothing.
  assert(asked.includes('denied'), 'the compartment hook was asked');
  assert.sameValue(asked.filter(s => s !== 'main' && s !== 'denied' && s !== '/etc/passwd').length, 0);
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
