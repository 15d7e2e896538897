// The reference: one corpus case under plain Node, printing what it printed (run.sh compares).
const path = require('path');
const output = [];
globalThis.print = (...args) => {
  output.push(args.map(String).join(' '));
};
try {
  require(path.join(__dirname, 'cases', `${process.argv[2]}.js`));
} catch (error) {
  output.push(`ERROR: ${error && error.name}: ${error && error.message}`);
}
console.log(output.join('\n'));
