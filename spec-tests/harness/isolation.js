// Isolation check for the escape tests: a snapshot of the start compartment's global, key shared
// intrinsics and a bystander compartment, taken before an attack and compared after it.
// Published on the start compartment's global (each harness file is its own evaluation).
(() => {
  const snapshot = bystander => {
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
  };
  const assertUnchanged = (bystander, before) => {
    const after = snapshot(bystander);
    for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
      const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
      assert.sameValue(is[0], was[0], 'snapshot entry');
      assert.sameValue(is[1], was[1], was[0]);
    }
  };
  globalThis.isolationSnapshot = snapshot;
  globalThis.assertIsolated = assertUnchanged;
})();
