const base64 = require('base64-js');
const bytes = base64.toByteArray('aGVsbG8gd29ybGQ=');
print(bytes.length, base64.fromByteArray(new Uint8Array([0, 1, 2, 253, 254, 255])), base64.byteLength('aGVsbG8='));
