/*---
description: "import() inside a module of a compartment resolves the specifier with resolveHook against the module's specifier (at top level, with top-level await, and in functions the module exports, even when called from elsewhere), and loads through that compartment."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  resolveHook(specifier, referrer) {
    calls.push(`${specifier}<-${referrer}`);
    return `${referrer.replace(/[^/]*$/, '')}${specifier.slice(2)}`;
  },
  importHook: async specifier => {
    calls.push(`load:${specifier}`);
    if (specifier === 'dir/main.js') {
      return { source: new ModuleSource('const { v } = await import("./a.js"); export const first = v; export const later = () => import("./b.js");') };
    }
    return { source: new ModuleSource(`export const v = "${specifier}";`) };
  },
});
const { namespace } = await c.import('dir/main.js');
assert.sameValue(namespace.first, 'dir/a.js');
const b = await namespace.later();
assert.sameValue(b.v, 'dir/b.js');
assert.compareArray(calls, ['load:dir/main.js', './a.js<-dir/main.js', 'load:dir/a.js', './b.js<-dir/main.js', 'load:dir/b.js']);
const other = new Compartment();
other.globalThis.later = namespace.later;
const viaOther = await other.evaluate('later()');
assert.sameValue(viaOther, b, 'still c\'s module, from c\'s memo');
