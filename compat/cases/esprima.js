const esprima = require('esprima');
const ast = esprima.parseScript('const answer = (a, b) => a * b; answer(6, 7);');
print(ast.body.length, ast.body[0].declarations[0].init.type);
print(JSON.stringify(esprima.tokenize('let x = /re/g;').map(t => t.type)));
print(esprima.parseModule('export default 1;').body[0].type);
