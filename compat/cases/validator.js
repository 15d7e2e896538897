const validator = require('validator');
print(validator.isEmail('someone@example.com'), validator.isEmail('nope@'), validator.isURL('https://example.com/x?y=1'));
print(validator.escape('<a href="x">'), validator.isUUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
print(validator.normalizeEmail('Some.One+tag@GMail.com'), validator.isIP('192.168.0.1'), validator.toInt('42'));
