const _ = require('lodash');
print(JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)));
print(JSON.stringify(_.groupBy(['one', 'two', 'three'], 'length')));
print(JSON.stringify(_.merge({ a: [{ b: 2 }] }, { a: [{ c: 3 }] })));
print(_.template('hello <%= user %>!')({ user: 'fred' }));
print(_.camelCase('Foo Bar-baz'), _.kebabCase('fooBar'), _.padStart('7', 3, '0'));
const memo = _.memoize(n => n * 2);
print(memo(21), JSON.stringify(_.sortBy([{ n: 3 }, { n: 1 }], 'n')));
print(_.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), JSON.stringify(_.uniq([2, 1, 2])));
