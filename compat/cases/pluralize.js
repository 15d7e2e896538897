const pluralize = require('pluralize');
print(pluralize('person'), pluralize('octopus', 2, true), pluralize.singular('children'), pluralize.isPlural('geese'));
