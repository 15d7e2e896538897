// Everything reachable from a compartment's global and from objects that only syntax makes,
// through own properties (values, getters, setters) and prototypes: [object, path] pairs, for the
// escape tests that check what a guest can reach. Published on the start compartment's global.
(() => {
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
  globalThis.reachableFromAttacker = reachableFromAttacker;
})();
