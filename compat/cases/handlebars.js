const Handlebars = require('handlebars');
Handlebars.registerHelper('shout', s => String(s).toUpperCase());
const template = Handlebars.compile('{{#each people}}{{shout name}}{{#if @last}}.{{else}}, {{/if}}{{/each}} {{title}}');
print(template({ people: [{ name: 'ann' }, { name: 'bob' }], title: '<x>' }));
print(Handlebars.precompile('{{a}}').length > 0);
