/*---
description: "Class 14: promise species constructors and thenables handing a guest host-made capability functions, or running guest code with host globals when the host awaits a guest thenable."
flags: [async]
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const hostPromise = harden(Promise.resolve('host value'));
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { hostPromise } });
const probe = attacker.evaluate(`
  const received = [];
  const inert = f => { try { f.constructor('return globalThis')(); return 'ESCAPED'; } catch (e) { return e instanceof TypeError ? 'inert' : 'other'; } };
  // A species constructor that captures the resolving functions the builtins hand it.
  class Spy extends Promise {
    static get [Symbol.species]() {
      return class FakePromise {
        constructor(executor) { executor((...a) => received.push(['resolve', ...a]), (...a) => received.push(['reject', ...a])); received.push(['executor', executor]); }
      };
    }
  }
  const spied = Spy.resolve(1);
  spied.then(x => x);
  spied.finally(() => {});
  const thenable = {
    then(resolve, reject) {
      received.push(['then', resolve], ['then', reject], ['this', this], ['global', typeof startOnly, globalThis === ownGlobal]);
      resolve('guest value');
    },
  };
  const ownGlobal = globalThis;
  ({
    sameConstructor: hostPromise.then(x => x).constructor === Promise && hostPromise.constructor === Promise,
    thenable,
    check() {
      return received.map(([what, value, ...rest]) => [what, typeof value === 'function' ? inert(value) : value, ...rest]);
    },
  });
`);
assert.sameValue(probe.sameConstructor, true);
(async () => {
  // The host awaits the guest thenable: its then runs as a job, with the guest's globals.
  assert.sameValue(await probe.thenable, 'guest value');
  assert.sameValue(await Promise.resolve(probe.thenable), 'guest value');
  await Promise.all([probe.thenable]);
  const seen = probe.check();
  const functions = seen.filter(([what]) => ['executor', 'then'].includes(what));
  assert(functions.length >= 4, 'capability functions were handed over');
  for (const [what, verdict] of functions) assert.sameValue(verdict, 'inert', `${what}: constructor.constructor`);
  for (const entry of seen.filter(([what]) => what === 'global')) {
    assert.compareArray(entry, ['global', 'undefined', true], 'guest then runs with its own globals');
  }
  for (const entry of seen.filter(([what]) => what === 'this')) assert.sameValue(entry[1], probe.thenable);
  assertUnchanged(before);
})().then(() => $DONE(), $DONE);
