const equal = require('fast-deep-equal');
print(equal({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), equal({ a: 1 }, { a: '1' }), equal([1, 2], [1, 2, 3]));
