/*---
description: "Class 30: hidden mutable state in shared builtins (RegExp legacy statics and compile, Boa's RegExp.prototype.lastIndex, Error.stackTraceLimit, Math.random, Date.now, Intl defaults, Temporal.Now) as a channel or a source of nondeterminism."
---*/
// Isolation check, the same in every escape test (the runner loads only assert.js): the start
// compartment's global, key shared intrinsics and a bystander compartment are snapshotted
// before the attack and must be unchanged after it.
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
function snapshot() {
  const roots = [['start globalThis', globalThis], ['bystander globalThis', bystander.globalThis],
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array.prototype', Array.prototype], ['Error.prototype', Error.prototype],
    ['TypeError.prototype', TypeError.prototype], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Reflect', Reflect], ['Symbol', Symbol], ['Compartment.prototype', Compartment.prototype],
    ['%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].values()))]];
  const entries = [];
  for (const [name, object] of roots) {
    entries.push([`${name} frozen`, Object.isFrozen(object)], [`${name} [[Prototype]]`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${name}.${String(key)}.${f}`, d[f]]);
    }
  }
  entries.push(['bystander behaviour', bystander.evaluate(
    '[typeof token, token.kind, typeof assert, [1, 2].map(x => x * 2).join(), String({}), Function("return this")(), Object.keys(globalThis).join()].join("|")')]);
  return entries;
}
function assertUnchanged(before) {
  const after = snapshot();
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    assert.sameValue(is[0], was[0], 'snapshot entry');
    assert.sameValue(is[1], was[1], was[0]);
  }
}
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
