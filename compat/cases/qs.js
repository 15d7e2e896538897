const qs = require('qs');
print(JSON.stringify(qs.parse('a[b][c]=1&d[]=2&d[]=3&e=%20x')));
print(qs.stringify({ a: { b: [1, 2] }, c: 'd e' }, { encode: false }));
print(qs.stringify({ a: ['x', 'y'] }, { arrayFormat: 'brackets' }));
