/*---
description: "Annex B builtins survive lockdown as SES permits them (escape/unescape universal, String HTML methods, substr, trimLeft/trimRight aliases, getYear family, __proto__ and __defineGetter__), RegExp.prototype.compile is removed, and HTML-like comments are comments in script code only."
---*/
lockdown();
const c = new Compartment();
const results = c.evaluate(`[
  escape('a b+ü'), unescape('%u00FC%41'),
  'abcdef'.substr(-3, 2), ' x '.trimLeft() + '|', ' x '.trimRight() + '|',
  String.prototype.trimLeft === String.prototype.trimStart,
  String.prototype.trimRight === String.prototype.trimEnd,
  'x'.anchor('"n"'), 'x'.fontcolor('red'), 'x'.sup(),
  typeof Date.prototype.getYear, typeof Date.prototype.setYear, typeof Date.prototype.toGMTString,
  typeof RegExp.prototype.compile,
  typeof Object.prototype.__defineGetter__, typeof Object.prototype.__lookupSetter__,
  Object.getPrototypeOf({ __proto__: null }) === null,
]`);
assert.compareArray(results, [
  'a%20b+%FC', '\u00fcA',
  'de', 'x |', ' x|',
  true, true,
  '<a name="&quot;n&quot;">x</a>', '<font color="red">x</font>', '<sup>x</sup>',
  'function', 'function', 'function',
  'undefined',
  'function', 'function',
  true,
]);
// Each is a shared, frozen intrinsic.
assert.sameValue(c.globalThis.escape, escape);
assert(Object.isFrozen(escape) && Object.isFrozen(String.prototype.substr), 'frozen');
// HTML-like comments: comments in script code, operators in modules.
assert.sameValue(c.evaluate('1 <!-- anything at all'), 1);
assert.sameValue(c.evaluate('let x = 2;\n--> a closing comment line\nx'), 2);
assert.sameValue(new c.globalThis.Function('return 3 <!-- x')(), 3);
assert.sameValue(c.evaluate("'<!--' + '-->'"), '<!---->', 'inside strings they are text');
assert.throws(SyntaxError, () => new ModuleSource('export default 1;\n--> x'));
