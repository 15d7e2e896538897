const R = require('ramda');
const add3 = R.curry((a, b, c) => a + b + c);
print(add3(1)(2)(3), R.pipe(R.map(R.inc), R.filter(n => n % 2 === 0), R.sum)([1, 2, 3, 4]));
print(JSON.stringify(R.evolve({ a: R.toUpper }, { a: 'x', b: 1 })));
print(R.toString({ a: [1, 'two'] }), R.toString(R.add));
print(JSON.stringify(R.groupBy(R.prop('k'), [{ k: 'a' }, { k: 'b' }, { k: 'a' }])));
