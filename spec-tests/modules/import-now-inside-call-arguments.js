/*---
description: "importNow() that evaluates a module can be called inside the argument list of a call, new or spread expression; the surrounding call still calls its callee with the module's values."
---*/
const make = () => new Compartment({
  modules: { m: { source: new ModuleSource('export default 1;') } },
});
const add = (x, y) => x + y;
const results = [];
try {
  results.push(add(make().importNow('m').default, 1));
} catch (error) {
  results.push(`${error.constructor.name}: ${error.message}`);
}
try {
  results.push(add(1, make().importNow('m').default));
} catch (error) {
  results.push(`${error.constructor.name}: ${error.message}`);
}
try {
  results.push(new Array(make().importNow('m').default).length);
} catch (error) {
  results.push(`${error.constructor.name}: ${error.message}`);
}
try {
  results.push(Math.max(...[make().importNow('m').default, 0]));
} catch (error) {
  results.push(`${error.constructor.name}: ${error.message}`);
}
// For comparison, these already work: the module is evaluated while the calling frame has no
// call in progress.
const viaHelper = (() => make().importNow('m').default)();
assert.sameValue(add(viaHelper, 1), 2);
assert.compareArray(results, [2, 2, 1, 1]);
