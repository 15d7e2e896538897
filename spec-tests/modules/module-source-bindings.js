/*---
description: "ModuleSource.prototype.bindings lists a module's static bindings in XS's vocabulary: {export, as?}, {import, as?, from}, {importAllFrom, as}, {importFrom}, {export, as?, from}, {exportAllFrom, as?}; `as` only when the names differ; a fresh array each time."
---*/
const source = new ModuleSource(`
  import def from "a";
  import { x, y as z } from "b";
  import * as ns from "c";
  import "d";
  export { local, local as renamed };
  export const c1 = 1, c2 = 2;
  export function f() {}
  export default 3;
  export { e1, e2 as e3 } from "e";
  export * from "f";
  export * as g from "g";
  const local = 0;
`);
const show = binding => Object.entries(binding).map(([k, v]) => `${k}=${v}`).join(',');
const bindings = source.bindings.map(show);
const expected = [
  'export=local', 'export=local,as=renamed',
  'export=c1', 'export=c2', 'export=f', 'export=default',
  'import=default,as=def,from=a', 'import=x,from=b', 'import=y,as=z,from=b', 'importAllFrom=c,as=ns', 'importFrom=d',
  'export=e1,from=e', 'export=e2,as=e3,from=e', 'exportAllFrom=f', 'exportAllFrom=g,as=g',
];
assert.compareArray(bindings.slice().sort(), expected.slice().sort(), 'the bindings');
assert.notSameValue(source.bindings, source.bindings, 'a fresh array each time');
assert.compareArray(new ModuleSource('').bindings, []);
const getter = Object.getOwnPropertyDescriptor(ModuleSource.prototype, 'bindings').get;
assert.throws(TypeError, () => getter.call({}), 'the getter checks its receiver');
const json = new ModuleSource('[1]', { with: { type: 'json' } });
assert.compareArray(json.bindings.map(show), ['export=default'], 'a JSON module exports default');
