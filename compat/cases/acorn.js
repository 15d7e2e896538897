const acorn = require('acorn');
const ast = acorn.parse('async function f() { for await (const x of y) {} }', { ecmaVersion: 2022 });
print(ast.body[0].type, ast.body[0].async, ast.body[0].body.body[0].type);
const tokens = [...acorn.tokenizer('a ?? b?.c', { ecmaVersion: 2022 })].map(t => t.type.label);
print(JSON.stringify(tokens));
try { acorn.parse('let let = 1', { ecmaVersion: 2022 }); } catch (e) { print(e.name, e.message); }
