const EventEmitter = require('eventemitter3');
const e = new EventEmitter();
const seen = [];
e.on('x', (a, b) => seen.push(a + b));
e.once('x', a => seen.push(`once ${a}`));
e.emit('x', 1, 2);
e.emit('x', 3, 4);
print(JSON.stringify(seen), e.listenerCount('x'), JSON.stringify(e.eventNames()));
