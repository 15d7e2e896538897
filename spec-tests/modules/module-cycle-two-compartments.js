/*---
description: "A cycle that crosses two compartments through {namespace, compartment} aliases (given by moduleMapHook, since each needs the other) links, each module evaluates once in its own compartment, and the bindings are shared both ways."
flags: [module]
---*/
const log = [];
const resolveHook = specifier => specifier;
let a;
let b;
a = new Compartment({
  globals: { log, where: 'A' },
  resolveHook,
  modules: {
    x: { source: new ModuleSource('import { y, yWhere } from "y"; log.push("x@" + where); export function x() { return "x"; } export const both = () => x() + y() + yWhere;') },
  },
  moduleMapHook: specifier => (specifier === 'y' ? { namespace: 'y', compartment: b } : undefined),
});
b = new Compartment({
  globals: { log, where: 'B' },
  resolveHook,
  modules: {
    y: { source: new ModuleSource('import { x } from "x"; log.push("y@" + where); export function y() { return "y"; } export const yWhere = where; export const callX = () => x();') },
  },
  moduleMapHook: specifier => (specifier === 'x' ? { namespace: 'x', compartment: a } : undefined),
});
const { namespace: x } = await a.import('x');
assert.compareArray(log, ['y@B', 'x@A'], 'each module ran once, in its own compartment');
assert.sameValue(x.both(), 'xyB');
const { namespace: y } = await b.import('y');
assert.sameValue(y.callX(), 'x');
const yFromA = a.importNow('y');
assert.sameValue(yFromA, y, 'a\'s "y" is b\'s instance');
const xFromB = b.importNow('x');
assert.sameValue(xFromB, x, 'b\'s "x" is a\'s instance');
assert.compareArray(log, ['y@B', 'x@A'], 'evaluated once');
