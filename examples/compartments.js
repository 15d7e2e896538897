// Every compartment has `Compartment` and makes children (with or without --start).
const child = new Compartment({ globals: { secret: 'child-only' }, __options__: true });
console.log('child sees:', child.evaluate('secret'));
console.log('start sees:', typeof secret);
console.log('shared intrinsics:', child.evaluate('Array') === Array);
console.log('own globalThis:', child.globalThis !== globalThis);
