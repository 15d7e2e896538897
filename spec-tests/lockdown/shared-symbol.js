/*---
description: "Compartments get %SharedSymbol% (SES): a copy of Symbol that the permits walk, so a shim's non-configurable addition to the original Symbol does not make lockdown() throw; the start compartment keeps the original with everything on it; Symbol.prototype.constructor is the shared copy."
---*/
const observable = Symbol('observable');
Object.defineProperty(Symbol, 'observable', { value: observable, writable: false, enumerable: false, configurable: false });
const original = Symbol;
lockdown();
const c = new Compartment();
const Shared = c.globalThis.Symbol;
assert.notSameValue(Shared, original, 'compartments have their own copy');
assert.sameValue(Symbol, original, 'the start compartment keeps the original');
assert.sameValue(Symbol.observable, observable, "the shim's addition stays on the original");
assert.sameValue(c.evaluate('Symbol.observable'), undefined, 'the copy has only permitted properties');
assert.sameValue(c.evaluate('Symbol.iterator'), Symbol.iterator);
assert.sameValue(c.evaluate('Symbol.for("k")'), Symbol.for('k'));
assert.sameValue(c.evaluate('Symbol.keyFor(Symbol.for("k"))'), 'k');
assert.sameValue(c.evaluate('typeof Symbol("d")'), 'symbol');
assert.sameValue(c.evaluate('Symbol("d").description'), 'd');
assert.sameValue(c.evaluate('Symbol.prototype'), Symbol.prototype);
assert.sameValue(Symbol.prototype.constructor, Shared);
assert.sameValue(c.evaluate('Symbol.name + Symbol.length'), 'Symbol0');
assert.sameValue(c.evaluate('(() => { try { new Symbol(); return "no"; } catch (e) { return e.name; } })()'), 'TypeError');
assert(Object.isFrozen(Shared), 'hardened');
assert.sameValue(c.evaluate('Object.getPrototypeOf(Symbol) === Function.prototype'), true);
