const classNames = require('classnames');
print(classNames('a', { b: true, c: false }, ['d', { e: 1 }], null, 'f'));
