/*---
description: >
  A syntax error after a U+2028 or U+2029 line separator (three bytes in UTF-8) is a catchable
  SyntaxError with its position, through every entry that parses guest text; the position
  computation once sliced inside the separator and panicked the engine (red team, 2026-12).
---*/
const c = new Compartment();
const sources = ['\u2028)', '\u2029)', "'\u2028'\u2028'unterminated", '1;\r\n\u2028  )'];
for (const source of sources) {
  assert.throws(SyntaxError, () => c.evaluate(source), `evaluate ${JSON.stringify(source)}`);
  assert.throws(c.globalThis.SyntaxError, () => c.globalThis.eval(source), 'eval');
  assert.throws(c.globalThis.SyntaxError, () => new c.globalThis.Function(source), 'Function');
  assert.throws(SyntaxError, () => new ModuleSource(source), 'ModuleSource');
}
// The engine is still usable.
assert.sameValue(c.evaluate('1 +\u2028 1'), 2);
