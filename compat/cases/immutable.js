const { Map, List, fromJS, Record } = require('immutable');
const m = Map({ a: 1 }).set('b', 2).update('a', x => x + 10);
print(JSON.stringify(m.toJS()), List([1, 2, 3]).push(4).filter(x => x % 2).toArray().join());
print(fromJS({ x: [1, { y: 2 }] }).getIn(['x', 1, 'y']), Map({ a: 1 }).equals(Map({ a: 1 })));
const Point = Record({ x: 0, y: 0 });
print(JSON.stringify(new Point({ x: 3 }).toJS()));
