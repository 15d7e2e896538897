const yaml = require('js-yaml');
const doc = yaml.load('a: 1\nb:\n  - x\n  - { y: true }\nc: |\n  multi\n  line\n');
print(JSON.stringify(doc));
print(yaml.dump({ list: [1, 'two'], nested: { k: null } }));
try { yaml.load('a: [1, 2'); } catch (e) { print(e.name); }
