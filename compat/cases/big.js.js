const Big = require('big.js');
print(new Big(0.1).plus(0.2).toString(), new Big('1.005').round(2).toString(), new Big(2).sqrt().toString());
