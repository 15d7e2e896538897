const Papa = require('papaparse');
const parsed = Papa.parse('name,age\nann,31\n"bob, jr",7\n', { header: true, skipEmptyLines: true, dynamicTyping: true });
print(JSON.stringify(parsed.data), JSON.stringify(parsed.meta.fields));
print(Papa.unparse([{ a: 1, b: 'x,y' }, { a: 2, b: 'z' }]));
