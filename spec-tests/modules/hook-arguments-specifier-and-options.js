/*---
description: "importHook and importNowHook receive (specifier, options): options is undefined for a JavaScript import and {with: {type: 'json'}} for a JSON import; moduleMapHook receives the specifier."
flags: [module]
---*/
const calls = [];
const record = name => function (...args) {
  calls.push([name, args]);
  const json = args[1] && args[1].with && args[1].with.type === 'json';
  const source = json ? new ModuleSource('{"a": 1}', { with: { type: 'json' } }) : new ModuleSource('export default 1;');
  return name === 'importHook' ? Promise.resolve({ source }) : { source };
};
const c = new Compartment({
  importHook: record('importHook'),
  importNowHook: record('importNowHook'),
  moduleMapHook(...args) { calls.push(['moduleMapHook', args]); },
});
await c.import('js');
await c.import('data', { with: { type: 'json' } });
c.importNow('js2');
c.importNow('data2', { with: { type: 'json' } });
assert.compareArray(calls.map(([name, args]) => `${name}:${args[0]}`), [
  'moduleMapHook:js', 'importHook:js',
  'moduleMapHook:data', 'importHook:data',
  'moduleMapHook:js2', 'importNowHook:js2',
  'moduleMapHook:data2', 'importNowHook:data2',
]);
for (const [name, args] of calls) {
  assert.sameValue(typeof args[0], 'string', name);
  if (name === 'moduleMapHook') continue;
  const specifier = args[0];
  if (specifier.startsWith('data')) {
    const options = args[1];
    assert.sameValue(typeof options, 'object', `${specifier} options`);
    assert.compareArray(Object.keys(options), ['with']);
    assert.compareArray(Object.keys(options.with), ['type']);
    assert.sameValue(options.with.type, 'json');
  } else {
    assert.sameValue(args[1], undefined, `${specifier} options`);
  }
}
