const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({ type: 'object', properties: { n: { type: 'integer', minimum: 0 }, s: { type: 'string', pattern: '^a' } }, required: ['n'] });
print(validate({ n: 1, s: 'abc' }), validate({ n: -1, s: 'x' }));
print(JSON.stringify(validate.errors.map(e => e.instancePath + ' ' + e.keyword)));
