// Runs in a fresh compartment whose only capability is `console`.
const greet = name => `hello, ${name}`;
console.log(greet('compartment'));
console.log('typeof process: %s, shared Array: %s', typeof process, [] instanceof Array);
console.log({ answer: 42, list: [1, 2, 3] });
