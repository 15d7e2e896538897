const Decimal = require('decimal.js');
print(new Decimal(0.1).plus(0.2).toString(), new Decimal(2).sqrt().toFixed(20));
print(Decimal.pow(2, 100).toString(), new Decimal('1e-7').toFixed(), new Decimal(10).ln().toSignificantDigits(15).toString());
