/*---
description: A descriptor whose compartment is not a compartment (a plain object, a primitive, a compartment's globalThis, Compartment.prototype) fails with a TypeError "Invalid compartment in module descriptor".
flags: [module]
---*/
const other = new Compartment();
const bad = { plain: {}, number: 1, global: other.globalThis, proto: Compartment.prototype, nul: null };
for (const [name, compartment] of Object.entries(bad)) {
  const c = new Compartment({
    name: 'holder',
    modules: {
      ns: { namespace: 'x', compartment },
      src: { source: 'x', compartment },
      legacy: { specifier: 'x', compartment },
    },
  });
  for (const specifier of ['ns', 'src']) {
    const error = assert.throws(TypeError, () => c.importNow(specifier), `${name} ${specifier}`);
    assert(error.message.includes('Invalid compartment'), `${name} ${specifier}: ${error.message}`);
  }
  let rejected;
  try { await c.import('ns'); } catch (e) { rejected = e; }
  assert.sameValue(rejected && rejected.constructor, TypeError, `${name}: import rejects`);
  assert(rejected.message.includes('Invalid compartment'), rejected.message);
}
