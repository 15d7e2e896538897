/*---
description: "ModuleSource must be called with new: calling it throws a TypeError; with new it gives an instance whose prototype is ModuleSource.prototype, tagged 'ModuleSource'; it is a global of the start compartment and of every compartment."
---*/
assert.sameValue(typeof ModuleSource, 'function');
assert.sameValue(ModuleSource.name, 'ModuleSource');
assert.sameValue(ModuleSource.length, 1);
assert.throws(TypeError, () => ModuleSource('export default 1;'));
assert.throws(TypeError, () => ModuleSource.call({}, ''));
const source = new ModuleSource('export default 1;');
assert.sameValue(Object.getPrototypeOf(source), ModuleSource.prototype);
assert.sameValue(Object.prototype.toString.call(source), '[object ModuleSource]');
assert.sameValue(ModuleSource.prototype.constructor, ModuleSource);
const prototypeDescriptor = Object.getOwnPropertyDescriptor(ModuleSource, 'prototype');
assert.sameValue(prototypeDescriptor.writable, false);
assert.sameValue(prototypeDescriptor.configurable, false);
assert.sameValue(new Compartment().evaluate('typeof ModuleSource'), 'function');
const empty = new ModuleSource();
assert.sameValue(empty.bindings.length, 0, 'undefined is coerced to the text "undefined"');
