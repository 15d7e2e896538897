/*---
description: "Class 37: a proxy whose traps run guest code during harden (reentrant harden, mutation, throwing midway, lying about keys) leaving something marked hardened that is not frozen."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const seen = attacker.evaluate(`
  const isDeepFrozen = (root) => {
    const seen = new Set();
    const walk = o => {
      if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) return true;
      seen.add(o);
      if (!Object.isFrozen(o)) return false;
      return Reflect.ownKeys(o).every(k => { const d = Reflect.getOwnPropertyDescriptor(o, k); return walk(d.value) && walk(d.get) && walk(d.set); })
        && walk(Object.getPrototypeOf(o));
    };
    return walk(root);
  };
  const out = {};
  // 1. A trap that throws midway: harden throws, and a later harden walks everything again.
  let failOnce = true;
  const inner = { deep: { deeper: {} } };
  const target = { first: {}, inner };
  const throwing = new Proxy(target, {
    ownKeys(t) { if (failOnce) { failOnce = false; throw new EvalError('midway'); } return Reflect.ownKeys(t); },
  });
  const holder = { a: {}, throwing, z: {} };
  try { harden(holder); out.first = 'hardened'; } catch (e) { out.first = e.constructor.name; }
  out.retry = (() => { try { harden(holder); return isDeepFrozen(holder) && isDeepFrozen(target); } catch (e) { return e.constructor.name; } })();
  // 2. A trap that hardens reentrantly and grows an object harden has not reached yet.
  const victim = { v: {} };
  const later = {};
  const reentrant = new Proxy({ victim, later }, {
    ownKeys(t) { if (!Object.isFrozen(later)) { harden(t.victim); later.added = { late: {} }; } return Reflect.ownKeys(t); },
  });
  try { harden(reentrant); out.reentrant = isDeepFrozen(reentrant) && isDeepFrozen(later) && Object.isFrozen(later.added.late); } catch (e) { out.reentrant = e.constructor.name; }
  // 3. A trap that hides a key: the proxy invariants make freezing fail or cover it.
  const hidden = { secret: { mutable: true } };
  const liar = new Proxy(hidden, { ownKeys() { return []; } });
  try { harden(liar); out.liar = Object.isFrozen(hidden) && Object.isFrozen(hidden.secret); } catch (e) { out.liar = e.constructor.name; }
  // 4. A getOwnPropertyDescriptor trap answering with a different value than the target holds.
  const real = { v: {} };
  const swapped = new Proxy(real, { getOwnPropertyDescriptor(t, k) { return { ...Reflect.getOwnPropertyDescriptor(t, k), value: {} }; } });
  try { harden(swapped); out.swapped = Object.isFrozen(real.v); } catch (e) { out.swapped = e.constructor.name; }
  out;
`);
assert.sameValue(seen.first, 'EvalError', 'harden reports the trap failure');
assert.sameValue(seen.retry, true, 'a later harden completes the whole graph');
assert.sameValue(seen.reentrant, true);
assert(seen.liar === true || seen.liar === 'TypeError', `liar: ${seen.liar}`);
assert(seen.swapped === true || seen.swapped === 'TypeError', `swapped: ${seen.swapped}`);
assertUnchanged(before);
