/*---
description: probe
---*/
const c = new Compartment();
const out = [];
const tryit = (label, fn) => { try { out.push(label + '=' + String(fn())); } catch (e) { out.push(label + ' threw ' + e.name + ': ' + e.message); } };
tryit('write', () => c.evaluate('Function.prototype.constructor("return this")().written = 1'));
tryit('cWritten', () => c.globalThis.written);
c.globalThis.mark = 'c-mark';
const inert = c.evaluate('Function.prototype.constructor("return this")()');
tryit('readFromStart', () => inert.mark);
tryit('readFromStartAssert', () => typeof inert.assert);
tryit('readFromC', () => c.evaluate('Function.prototype.constructor("return this")().mark'));
tryit('innerFn', () => c.evaluate('Function.prototype.constructor("return typeof mark")()'));
throw new Test262Error(out.join('\n'));
