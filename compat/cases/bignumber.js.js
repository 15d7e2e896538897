const BigNumber = require('bignumber.js');
print(new BigNumber(0.1).plus(0.2).toString(), new BigNumber(2).pow(80).toFixed());
print(new BigNumber('123.456').decimalPlaces(1).toString(), new BigNumber(255).toString(16));
