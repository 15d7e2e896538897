const Mustache = require('mustache');
print(Mustache.render('Hi {{name}}! {{#items}}<{{.}}>{{/items}} {{{raw}}} {{esc}}', { name: 'Ann', items: [1, 2], raw: '<b>', esc: '<i>' }));
