/*---
description: "Class 33 (SES PR #3153, #3214): reading or writing NaN payload bits through Float16/32/64Array or DataView.setFloat*, including through a valueOf coercion, as a channel between compartments."
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
// Everything reachable from the attacker's global and from objects that only syntax makes,
// through own properties (values, getters, setters) and prototypes.
const reachableFromAttacker = attacker => attacker.evaluate(`
  const proto = Object.getPrototypeOf;
  const roots = [
    ['globalThis', globalThis],
    ['%GeneratorPrototype%', proto(proto((function* () {})()))],
    ['%AsyncGeneratorPrototype%', proto(proto((async function* () {})()))],
    ['%AsyncFunction.prototype%', proto(async function () {})],
    ['%AsyncArrowFunction.prototype%', proto(async () => {})],
    ['%ArrayIteratorPrototype%', proto([].values())],
    ['%MapIteratorPrototype%', proto(new Map().values())],
    ['%SetIteratorPrototype%', proto(new Set().values())],
    ['%StringIteratorPrototype%', proto(''[Symbol.iterator]())],
    ['%RegExpStringIteratorPrototype%', proto(/x/g[Symbol.matchAll](''))],
    ['%IteratorHelperPrototype%', proto([].values().map(x => x))],
    ['%WrapForValidIteratorPrototype%', proto(Iterator.from({ next() {} }))],
    ['%ThrowTypeError%', Object.getOwnPropertyDescriptor((function () { return arguments; })(), 'callee').get],
    ['%TypedArray%', proto(Int8Array)],
    ['arguments.__proto__', proto((function () { return arguments; })())],
    ['promise capability.__proto__', proto(Promise.withResolvers().resolve)],
    ['revoke.__proto__', proto(Proxy.revocable({}, {}).revoke)],
    ['template object.__proto__', proto((s => s)\`t\`)],
    ['engine error.__proto__', proto((() => { try { null.x; } catch (e) { return e; } })())],
  ];
  const seen = new Map();
  const queue = [];
  const visit = (value, path) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.set(value, path);
    queue.push(value);
  };
  for (const [path, value] of roots) visit(value, path);
  for (let i = 0; i < queue.length; i += 1) {
    const object = queue[i];
    const path = seen.get(object);
    visit(proto(object), path + '.__proto__');
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      const name = path + '.' + String(key);
      visit(d.value, name);
      visit(d.get, name + '<get>');
      visit(d.set, name + '<set>');
    }
  }
  [...seen];
`);
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate('typeof Float16Array + typeof Float32Array + typeof Float64Array'), 'undefinedundefinedundefined');
const reachable = new Set(reachableFromAttacker(attacker).map(([object]) => object));
for (const [name, object] of [['Float16Array', Float16Array], ['Float32Array', Float32Array], ['Float64Array', Float64Array],
  ['Float64Array.prototype', Float64Array.prototype]]) {
  assert.sameValue(reachable.has(object), false, `${name} is reachable from a compartment`);
}
// Boa 0.22 keeps a single NaN in its values already; this guards the tamed setters and any
// engine change that starts preserving payloads.
const bytes = attacker.evaluate(`
  const view = new DataView(new ArrayBuffer(8));
  const hex = () => [0, 1, 2, 3, 4, 5, 6, 7].map(i => view.getUint8(i).toString(16).padStart(2, '0')).join('');
  // A NaN with a payload, made by reading raw bits.
  view.setUint32(0, 0x7ff00000 | 0x5a5a5);
  view.setUint32(4, 0xdeadbeef);
  const weird = view.getFloat64(0);
  const out = [Number.isNaN(weird)];
  view.setFloat64(0, weird); out.push(hex());
  view.setFloat64(0, weird, true); out.push(hex());
  view.setFloat64(0, { valueOf() { return weird; } }); out.push(hex());
  view.setUint32(0, 0xfff00001);
  const negative = view.getFloat64(0);
  view.setFloat64(0, negative); out.push(hex());
  view.setUint32(0, 0x7fc00abc);
  view.setFloat32(0, view.getFloat32(0)); out.push(hex().slice(0, 8));
  view.setUint16(0, 0x7e55);
  view.setFloat16(0, view.getFloat16(0)); out.push(hex().slice(0, 4));
  out;
`);
assert.compareArray(bytes, [true, '7ff8000000000000', '000000000000f87f', '7ff8000000000000', '7ff8000000000000', '7fc00000', '7e00']);
assertUnchanged(before);
