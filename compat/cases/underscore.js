const _ = require('underscore');
print(JSON.stringify(_.map([1, 2, 3], x => x * 3)), JSON.stringify(_.pluck([{ a: 1 }, { a: 2 }], 'a')));
print(_.template('<%- name %> has <%= n %>')({ name: '<b>', n: 2 }));
print(JSON.stringify(_.chain([3, 1, 2]).sortBy(x => x).map(x => x + 1).value()));
print(JSON.stringify(_.countBy([1, 2, 3, 4], n => (n % 2 ? 'odd' : 'even'))));
