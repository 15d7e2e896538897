const pako = require('pako');
const input = new Uint8Array(Array.from({ length: 200 }, (_, i) => i % 7));
const packed = pako.deflate(input);
const unpacked = pako.inflate(packed);
print(packed.length < input.length, unpacked.length, unpacked.every((v, i) => v === input[i]));
print(pako.inflate(pako.gzip('hello world'), { to: 'string' }));
