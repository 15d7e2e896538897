/*---
description: "An XS virtual module source {bindings, execute($, Import, ImportMeta), needsImport, needsImportMeta} links like a module: imports are readable on $, exports written on $ are live, $ is sealed, Import and ImportMeta are passed only when asked for."
flags: [module]
---*/
let environment;
const seen = {};
const dep = new ModuleSource('export const x = 1; export const z = 3;');
const virtual = {
  bindings: [
    { import: 'x', from: 'dep' },
    { import: 'x', as: 'renamed', from: 'dep' },
    { importAllFrom: 'dep', as: 'depNs' },
    { export: 'y' },
    { export: 'w', as: 'exportedW' },
    { export: 'z', from: 'dep' },
  ],
  needsImport: true,
  needsImportMeta: true,
  execute($, Import, ImportMeta) {
    environment = $;
    seen.x = $.x;
    seen.renamed = $.renamed;
    seen.depZ = $.depNs.z;
    seen.importType = typeof Import;
    seen.meta = ImportMeta;
    seen.sealed = Object.isSealed($);
    try { $.x = 0; seen.assignImport = 'allowed'; } catch (error) { seen.assignImport = error.constructor; }
    try { $.extra = 0; seen.addition = 'allowed'; } catch (error) { seen.addition = error.constructor; }
    $.y = 2;
    $.w = 'w';
  },
};
const plain = {
  bindings: [{ export: 'q' }],
  execute($, Import, ImportMeta) {
    seen.plainArgs = [typeof Import, typeof ImportMeta];
    $.q = 'q';
  },
};
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: {
    dep: { source: dep },
    v: { source: virtual, importMeta: { url: 'virtual:v' } },
    p: { source: plain },
  },
});
const { namespace } = await c.import('v');
assert.sameValue(seen.x, 1, 'import readable on $');
assert.sameValue(seen.renamed, 1, 'renamed import');
assert.sameValue(seen.depZ, 3, 'importAllFrom');
assert.sameValue(seen.importType, 'function', 'needsImport gives Import');
assert.sameValue(seen.meta.url, 'virtual:v', 'needsImportMeta gives import.meta');
assert.sameValue(seen.sealed, true, '$ is sealed');
assert.sameValue(seen.assignImport, TypeError, 'imports are read-only');
assert.sameValue(seen.addition, TypeError, 'no additions (strict code)');
assert.compareArray(Object.keys(namespace).sort(), ['exportedW', 'y', 'z']);
assert.sameValue(namespace.y, 2);
assert.sameValue(namespace.exportedW, 'w');
assert.sameValue(namespace.z, 3, 're-export');
environment.y = 5;
assert.sameValue(namespace.y, 5, 'exports stay live');
const p = c.importNow('p');
assert.compareArray(seen.plainArgs, ['undefined', 'undefined'], 'no Import or ImportMeta unless asked');
assert.sameValue(p.q, 'q');
