// The start compartment has SES's assert (what @endo/errors requires): assert, fail, equal,
// typeof, string, note, details (X), quote (q), bare, error (makeError), Fail, makeAssert.
// Unredacted before lockdown; lockdown (errorTaming 'safe') installs a redacting one whose
// unquoted substitutions read '(a number)'. Compartments do not get it. Run by
// `tests/api.rs` in a fresh engine (the spec harness has an `assert` of its own).
const failures = [];
const check = (condition, message) => { if (condition !== true) failures.push(message); };
const same = (actual, expected, message) => {
  if (!Object.is(actual, expected)) failures.push(`${message}: expected ${expected}, got ${actual}`);
};
const names = ['error', 'fail', 'equal', 'typeof', 'string', 'note', 'details', 'Fail', 'quote', 'bare', 'makeAssert'];
same(typeof globalThis.assert, 'function');
const A = globalThis.assert;
for (const name of names) same(typeof A[name], 'function', name);
const caught = f => { try { f(); return 'no error'; } catch (e) { return `${e.constructor.name}: ${e.message}`; } };
const { details: X, quote: q, bare: b, Fail } = A;
same(caught(() => A(false)), 'Error: Check failed');
same(caught(() => A(true)), 'no error');
same(caught(() => A(0, X`bad ${1} and ${q('x')}`)), 'Error: bad 1 and "x"');
same(caught(() => A.equal(1, 2)), 'RangeError: Expected 1 is same as 2');
same(caught(() => A.equal(NaN, NaN)), 'no error');
same(caught(() => A.typeof(3, 'string')), 'TypeError: 3 must be a string');
same(caught(() => A.typeof({}, 'object')), 'no error');
same(caught(() => A.string(null)), 'TypeError: null must be a string');
same(caught(() => Fail`oops ${b('bare')} ${q({ a: [1, undefined, 2n] })}`),
  'Error: oops bare {"a":[1,"[undefined]","[2n]"]}');
same(caught(() => A.fail('plain text', TypeError)), 'TypeError: plain text');
same(caught(() => A(false, {})), 'TypeError: unrecognized details {}');
const made = A.error(X`made ${q(NaN)}`, RangeError, { cause: 'why' });
check(made instanceof RangeError && made.message === 'made [NaN]' && made.cause === 'why', 'makeError');
const aggregate = A.error('many', AggregateError, { errors: [1, 2] });
check(aggregate instanceof AggregateError && aggregate.errors.length === 2, 'AggregateError');
A.note(made, X`a note`);
const cyclic = { name: 'c' };
cyclic.self = cyclic;
same(`${q(cyclic)}`, '{"name":"c","self":"[Seen]"}');
const raised = [];
const custom = A.makeAssert(e => raised.push(e.message), true);
same(caught(() => custom(false, 'raised')), 'Error: raised');
same(raised.join(), 'raised');
check(Object.isFrozen(A) && Object.isFrozen(A.details), 'frozen');
same(new Compartment().evaluate('typeof assert'), 'undefined', 'not in compartments');
lockdown();
// New call sites: Boa 0.22's inline caches from before lockdown can read stale slots after it
// turns `constructor` into an override-enabling accessor (docs/compatibility.md).
const caughtAfter = f => { try { f(); return 'no error'; } catch (e) { return `${e.name}: ${e.message}`; } };
const R = globalThis.assert;
check(R !== A, 'lockdown installs a redacting assert');
same(caughtAfter(() => R(false, R.details`secret ${42} shown ${R.quote(42)} err ${TypeError('t')}`)),
  'Error: secret (a number) shown 42 err (a TypeError)');
check(Object.isFrozen(R) && Object.isFrozen(R.makeAssert), 'hardened');
failures.length === 0 ? 'ok' : failures.join('\n');
