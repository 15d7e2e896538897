/*---
description: "Class 30: hidden mutable state in shared builtins (RegExp legacy statics and compile, Boa's RegExp.prototype.lastIndex, Error.stackTraceLimit, Math.random, Date.now, Intl defaults, Temporal.Now) as a channel or a source of nondeterminism."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const sent = attacker.evaluate(`
  /(secret)(message)/.exec('secretmessage');
  'abc'.replace(/b/, 'x');
  const out = {};
  const attempt = f => { try { f(); return 'worked'; } catch (e) { return e.constructor.name; } };
  out.regexp = [RegExp.$1, RegExp.lastMatch, RegExp.input, 'compile' in RegExp.prototype, Object.hasOwn(RegExp.prototype, 'lastIndex')];
  const frozenRegExp = harden(/a/g);
  out.frozenRegExpExec = attempt(() => frozenRegExp.exec('aa'));
  out.frozenLastIndex = frozenRegExp.lastIndex;
  out.errorState = [attempt(() => { Error.stackTraceLimit = 0; }), 'stackTraceLimit' in Error];
  out.clocks = [attempt(() => Math.random()), attempt(() => Date.now()), attempt(() => new Date()), attempt(() => Date()), typeof Temporal.Now, typeof Intl];
  out.locale = [(1234.5).toLocaleString(), 'a'.localeCompare('b'), 'I'.toLocaleLowerCase(), new Date(0).toLocaleString() === new Date(0).toString()];
  out;
`);
assert.compareArray(sent.regexp, [undefined, undefined, undefined, false, false]);
assert.sameValue(sent.frozenRegExpExec, 'TypeError', 'a hardened regexp cannot advance lastIndex');
assert.sameValue(sent.frozenLastIndex, 0);
assert.compareArray(sent.errorState, ['TypeError', false]);
assert.compareArray(sent.clocks, ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'undefined', 'undefined']);
assert.compareArray(sent.locale, ['1234.5', -1, 'i', true]);
// The receiving side learns nothing of the attacker's matches.
assert.compareArray(bystander.evaluate('[RegExp.$1, RegExp.lastMatch, RegExp.leftContext]'), [undefined, undefined, undefined]);
assertUnchanged(before);
