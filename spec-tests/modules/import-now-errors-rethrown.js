/*---
description: "importNow() rethrows the very error a module throws during evaluation, an importNowHook throws, or a moduleMapHook throws; a module that threw keeps throwing the same error."
flags: [module]
---*/
const evaluationError = new RangeError('evaluation');
const hookError = new SyntaxError('hook');
const mapHookError = new EvalError('map hook');
const c = new Compartment({
  globals: { evaluationError },
  modules: { throws: { source: new ModuleSource('throw evaluationError;') } },
  moduleMapHook(specifier) { if (specifier === 'map') throw mapHookError; },
  importNowHook() { throw hookError; },
});
const caught = name => { try { c.importNow(name); } catch (e) { return e; } return 'nothing thrown'; };
assert.sameValue(caught('throws'), evaluationError);
assert.sameValue(caught('throws'), evaluationError, 'the module stays errored');
assert.sameValue(caught('hooked'), hookError);
assert.sameValue(caught('map'), mapHookError);
let rejected;
try { await c.import('throws'); } catch (e) { rejected = e; }
assert.sameValue(rejected, evaluationError, 'import() rejects with the same error');
