/*---
description: "Sources without top-level var, this, arguments or control flow are compiled with one parse, as the body of a block in a strict Script (issue 18). They must mean exactly what they mean as the body of the evaluator's function: declarations stay local, completion values, strictness, caching, tagged templates, hashbangs and early errors."
---*/
const c = new Compartment({ globals: { log: [] } });

// Declarations stay local to each evaluation, and each evaluation gets fresh bindings.
assert.sameValue(c.evaluate('let a = 1; const b = 2; class K {} function f() { return a + b } f()'), 3);
assert.sameValue(c.evaluate('typeof a + typeof b + typeof K + typeof f'), 'undefinedundefinedundefinedundefined');
assert.sameValue(Object.keys(c.globalThis).includes('f'), false);
for (let i = 0; i < 3; i += 1) {
  // The same text again runs the same compiled code: a new block each time.
  assert.sameValue(c.evaluate('let n = 0; const inc = () => ++n; inc(); inc()'), 2);
}
// Functions declared in the block are hoisted within it.
assert.sameValue(c.evaluate('g(); function g() { return 7 }'), 7);

// Completion values: the last expression statement, declarations and empty statements after it.
assert.sameValue(c.evaluate('1; 2; let z = 3;'), 2);
assert.sameValue(c.evaluate('1; ; class Q {}'), 1);
assert.sameValue(c.evaluate(''), undefined);
assert.sameValue(c.evaluate('function h() {}'), undefined);
assert.sameValue(c.evaluate('({ a: 1 }).a'), 1);
assert.sameValue(c.evaluate('x => x')(5), 5);

// Strict code, with the compartment's global for free names and `undefined` as a function's `this`.
assert.throws(TypeError, () => c.evaluate('Object.freeze({ p: 1 }).p = 2'));
assert.throws(ReferenceError, () => c.evaluate('undeclared = 1'));
assert.sameValue(c.evaluate('(function () { return this })()'), undefined);
assert.sameValue(c.evaluate('globalThis'), c.globalThis);
assert.sameValue(c.evaluate('log.push(1); log.length'), 1);

// The compartment's global, not the realm's, is what `this` is at the top level (such a source
// goes the analysed way), inside function bodies `this` is the call's.
assert.sameValue(c.evaluate('this'), c.globalThis);
assert.sameValue(c.evaluate('({ m() { return this } }).m().m !== undefined'), true);
assert.sameValue(c.evaluate('(() => this)()'), c.globalThis);

// A tagged template gets a new template object per evaluation; an untagged one may be cached.
const tag = c.evaluate('s => s');
c.globalThis.tag = tag;
assert.notSameValue(c.evaluate('tag`x`'), c.evaluate('tag`x`'));
assert.sameValue(c.evaluate('`a${1 + 1}b`'), 'a2b');

// A hashbang is a comment at the start of the source.
assert.sameValue(c.evaluate('#!/usr/bin/env node\n40 + 2'), 42);

// Early errors: what a block refuses and a function body allows goes the analysed way and is
// accepted; what both refuse is a SyntaxError with the source's own position.
assert.sameValue(c.evaluate('function d() { return 1 } function d() { return 2 } d()'), 2);
assert.throws(SyntaxError, () => c.evaluate('let q; let q;'));
assert.throws(SyntaxError, () => c.evaluate('return 1'));
assert.throws(SyntaxError, () => c.evaluate('new.target'));
assert.throws(SyntaxError, () => c.evaluate('super.x'));
assert.throws(SyntaxError, () => c.evaluate('with ({}) {}'));
assert.throws(SyntaxError, () => c.evaluate('1 +'));
try {
  c.evaluate('let ok = 1;\n  ok +* 2');
  throw new Test262Error('no SyntaxError');
} catch (error) {
  assert.sameValue(error instanceof SyntaxError, true);
  assert.sameValue(/line 2/.test(error.message), true, error.message);
}
