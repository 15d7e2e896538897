/*---
description: >
  A source holding unpaired surrogates (valid JavaScript in literals, templates, regular
  expressions and comments) evaluates in a compartment through evaluate, eval and Function, and
  keeps its exact code units: string values, template raw strings and function source text.
---*/
const c = new Compartment();
const lone = '\uD800';
const trail = '\uDC00';

// A string literal that holds the code unit itself, not an escape.
const value = c.evaluate(`'${lone}x${trail}'`);
assert.sameValue(value.length, 3);
assert.sameValue(value.charCodeAt(0), 0xD800);
assert.sameValue(value.charCodeAt(2), 0xDC00);

// The same through the compartment's eval, with a control-flow completion (the direct-eval path).
const viaEval = c.globalThis.eval(`if (true) { '${lone}'; } else { 0; }`);
assert.sameValue(viaEval, lone);

// Template raw strings keep the code unit (an escape would show as six characters).
const raw = c.evaluate(`String.raw\`a${lone}b\``);
assert.sameValue(raw, `a${lone}b`);
assert.sameValue(raw.length, 3);

// A real U+FFFD next to an unpaired surrogate stays what it was.
const mixed = c.evaluate(`'\uFFFD${lone}\uFFFD${trail}'`);
assert.sameValue(mixed, `\uFFFD${lone}\uFFFD${trail}`);

// In a comment and a regular expression.
assert.sameValue(c.evaluate(`// ${lone}\n1 + 1`), 2);
assert.sameValue(c.evaluate(`/${lone}/.test('${lone}')`), true);

// The compartment's Function: parameters and body, and the source text of the function.
const f = new c.globalThis.Function(`a = '${lone}'`, `return a + '${trail}';`);
assert.sameValue(f(), lone + trail);
assert.sameValue(f.toString().includes(`'${lone}'`), true);
const g = c.evaluate(`(function () { return '${trail}'; })`);
assert.sameValue(g.toString(), `function () { return '${trail}'; }`);

// Outside a literal an unpaired surrogate is a SyntaxError, as U+FFFD would be.
assert.throws(SyntaxError, () => c.evaluate(`var x${lone} = 1;`));
assert.throws(c.globalThis.SyntaxError, () => c.globalThis.eval(`${lone}`));

// Sources that differ only in their surrogates are different sources.
assert.sameValue(c.evaluate(`'${lone}'`), lone);
assert.sameValue(c.evaluate(`'${trail}'`), trail);
