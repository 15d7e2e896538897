/*---
description: "Class 12 (modules, vm2 CVE-2023-37903 shape): the engine calling a guest's module hooks (resolveHook, importHook, importNowHook, moduleMapHook, importMetaHook) with host objects, a working Function, or a global as arguments or this."
flags: [async]
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const done = attacker.evaluate(`
  const calls = [];
  const called = new Set();
  const examine = (hook, thisValue, args) => {
    called.add(hook);
    for (const value of [thisValue, ...args]) {
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || value === options) continue;
      let escape = 'not a function';
      if (typeof value === 'function') {
        try { value.constructor('return globalThis')(); escape = 'ESCAPED'; } catch (e) { escape = e instanceof TypeError ? 'inert' : 'other'; }
      }
      const proto = Object.getPrototypeOf(value);
      calls.push([hook, proto === null || Object.isFrozen(proto), escape, value === globalThis]);
    }
  };
  const source = 'import "dep"; export default import.meta; export const f = () => 1;';
  const options = {
    __options__: true, __noNamespaceBox__: true,
    resolveHook(...args) { examine('resolveHook', this, args); return args[0]; },
    importHook(...args) { examine('importHook', this, args); return { source: new ModuleSource(source), importMeta: { given: true } }; },
    importNowHook(...args) { examine('importNowHook', this, args); return { source: new ModuleSource(source) }; },
    moduleMapHook(...args) { examine('moduleMapHook', this, args); return undefined; },
    importMetaHook(...args) { examine('importMetaHook', this, args); },
  };
  const child = new Compartment(options);
  child.importNow('now');
  Promise.all([child.import('later'), child.evaluate('import("dynamic")')]).then(() => ({ calls, called: [...called].sort() }));
`);
done.then(({ calls, called }) => {
  assert.compareArray(called, ['importHook', 'importMetaHook', 'importNowHook', 'moduleMapHook', 'resolveHook'], 'hooks called');
  assert(calls.length > 0, 'some hook received an object');
  for (const [hook, sharedProto, escape, isGlobal] of calls) {
    assert.sameValue(sharedProto, true, `${hook}: received an object with an unfrozen prototype`);
    assert.notSameValue(escape, 'ESCAPED', `${hook}: received a working Function`);
    assert.sameValue(isGlobal, false, `${hook}: received a global object`);
  }
  assertUnchanged(before);
}).then(() => $DONE(), $DONE);
