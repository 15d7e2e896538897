/*---
description: "Crash containment, red team 2026-12 (collectable compartments): compartment B aliases compartment A's module; A becomes unreachable while the module is evaluating and is collected with the module's record; the module then asks B to importNow itself. The guards that refuse to link an evaluating module found no record and checked nothing, and Boa panicked linking a module in evaluation. A module whose record is gone now fails its whole graph with a TypeError, and the engine stays usable."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcome = attacker.evaluate(`
  // Another compartment's global lookup replaces A in the owner cache.
  const poke = () => Compartment;
  const M = \`
    const b = bRef; const p = pokeRef;
    p();
    let junk = [];
    for (let i = 0; i < 200000; i++) { junk.push({ i }); if (junk.length > 1000) junk = []; }
    b.importNow('x');
  \`;
  function setup() {
    const holder = {};
    holder.a = new Compartment({ __options__: true, name: 'A',
      importNowHook: () => ({ source: new ModuleSource(M) }) });
    const B = new Compartment({ __options__: true, name: 'B',
      importNowHook: () => { const d = { namespace: 'm', compartment: holder.a }; holder.a = null; return d; } });
    holder.a.globalThis.pokeRef = poke;
    holder.a.globalThis.bRef = B;
    return B;
  }
  function run(B) {
    try { B.importNow('x'); return 'no error'; } catch (e) { return e.constructor.name; }
  }
  run(setup());
`);
// A TypeError either way: "compartment that is gone" when A was collected in time, "being
// evaluated" when it was not. Never a panic.
assert.sameValue(outcome, 'TypeError');
assert.sameValue(new Compartment().evaluate('6 * 7'), 42, 'the engine still works');
assertIsolated(bystander, before);
