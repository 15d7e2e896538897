//! Guest programs from bytes: each byte picks the next grammar choice, and running out of bytes
//! picks the first (shortest) alternative, so every input is a finite program.
//!
//! The grammar aims at lockdown's attack surface rather than at JavaScript in general: it
//! reaches shared intrinsics through many paths (syntax-made prototypes, reflective lookups,
//! accessors), tries to mutate them every way the language allows, and mixes in the classic
//! escape idioms (constructor chains, evaluators, promise and Symbol protocols, Proxies,
//! nested compartments).

/// A first byte of this value makes the rest of the input the program's text as it is
/// (lossy UTF-8), so libFuzzer can also explore the parser and evaluator with raw source.
pub const RAW: u8 = 0xff;

/// At most this many top-level statements per program.
const MAX_STATEMENTS: usize = 24;
/// Expressions nest at most this deep.
const MAX_DEPTH: usize = 3;

/// Expressions that reach intrinsics (and the guest's own global) from compartment code.
const TARGETS: &[&str] = &[
    "Array.prototype",
    "Object.prototype",
    "Function.prototype",
    "Math",
    "JSON",
    "Reflect",
    "Promise",
    "Promise.prototype",
    "Object",
    "Array",
    "Symbol",
    "Error",
    "Error.prototype",
    "TypeError",
    "Object.getPrototypeOf(function*(){})",
    "Object.getPrototypeOf(async function(){})",
    "Object.getPrototypeOf(async function*(){})",
    "Object.getPrototypeOf([][Symbol.iterator]())",
    "Iterator.prototype",
    "Date",
    "Date.prototype",
    "Math.abs",
    "harden",
    "lockdown",
    "Compartment",
    "Compartment.prototype",
    "ModuleSource",
    "String.prototype",
    "RegExp",
    "RegExp.prototype",
    "Map.prototype",
    "WeakMap.prototype",
    "Uint8Array.prototype",
    "Object.getPrototypeOf(Uint8Array)",
    "ArrayBuffer.prototype",
    "globalThis",
    "eval",
    "Function",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get",
    "(function(){ return arguments })()",
    "Array.prototype[Symbol.unscopables]",
    "Symbol.prototype",
    "BigInt.prototype",
    "Proxy",
    "Temporal",
];

/// Property keys worth attacking.
const KEYS: &[&str] = &[
    "'x'",
    "'toString'",
    "'constructor'",
    "'prototype'",
    "'length'",
    "'name'",
    "'__proto__'",
    "'valueOf'",
    "'then'",
    "'call'",
    "'apply'",
    "'stack'",
    "'prepareStackTrace'",
    "'captureStackTrace'",
    "'caller'",
    "'callee'",
    "'globalThis'",
    "'evaluate'",
    "'push'",
    "Symbol.iterator",
    "Symbol.species",
    "Symbol.toPrimitive",
    "Symbol.toStringTag",
    "Symbol.hasInstance",
    "Symbol.unscopables",
    "Symbol.asyncIterator",
    "0",
];

/// Simple values.
const VALUES: &[&str] = &[
    "1",
    "{}",
    "null",
    "undefined",
    "'s'",
    "-0",
    "NaN",
    "1n",
    "Symbol()",
    "[1, 2]",
    "/re/g",
    "new Map([[1, 2]])",
    "new Uint8Array(4)",
    "Object.create(null)",
];

/// Known ways out of scope-based sandboxes; each must lead nowhere here.
const ESCAPES: &[&str] = &[
    "({}).constructor.constructor('return this')()",
    "Function('return this')()",
    "(0, eval)('this')",
    "(function () { return this; })()",
    "Object.getPrototypeOf(async function(){}).constructor('return this')",
    "Object.getPrototypeOf(function*(){}).constructor('return this')",
    "Reflect.construct(Function, ['return globalThis'])()",
    "new Compartment().globalThis",
    "new Compartment().evaluate('globalThis')",
    "new Compartment({ globals: { up: globalThis } }).evaluate('up')",
    "new Compartment().evaluate('Function')('return this')()",
    "new Compartment().evaluate('(0, eval)')('globalThis')",
    "import('x')",
    "new Compartment({ modules: { m: { source: new ModuleSource('export default globalThis;') } } }).import('m')",
    "new Compartment().importNow('m')",
    "(function f() { return f.caller; })()",
    "(function () { return arguments.callee.caller; })()",
    "new Error('e').stack",
    "Error.captureStackTrace",
    "Error.prepareStackTrace",
    "Promise.resolve().then(() => globalThis)",
    "new Proxy({}, { get: (t, k, r) => r })",
    "Symbol.for('x')",
    "lockdown()",
    "harden(globalThis)",
    "mutabilities",
    "Date.now()",
    "Math.random()",
    "new Date()",
    "Temporal.Now",
    "structuredClone",
    "WeakRef",
    "SharedArrayBuffer",
    "Atomics",
    "this",
];

/// Proxy handlers whose traps answer with a value from the program.
const HANDLERS: &[&str] = &[
    "{ get: (t, k) => VALUE }",
    "{ getPrototypeOf: () => VALUE }",
    "{ ownKeys: () => ['a', Symbol.iterator] }",
    "{ getOwnPropertyDescriptor: () => ({ value: VALUE, configurable: true }) }",
    "{ has: () => true }",
    "{ set: (t, k, v) => (t[k] = v, true) }",
    "{ apply: (t, self, args) => VALUE }",
    "{ construct: () => ({}) }",
    "{ defineProperty: (t, k, d) => Reflect.defineProperty(VALUE, k, d) }",
];

/// Callables that compile or evaluate text, or call what they are given: handed to promise jobs
/// and host functions, where no compartment code is running.
const EVALUATORS: &[&str] = &[
    "Function.prototype.constructor",
    "Object.getPrototypeOf(function*(){}).constructor",
    "Object.getPrototypeOf(async function(){}).constructor",
    "Function",
    "eval",
    "Compartment.prototype.evaluate.bind(new Compartment())",
    "Reflect.apply.bind(null, Function, null)",
    "Reflect.construct.bind(null, Function)",
    "Function.prototype.call.bind(Function)",
];

/// Values that claim more elements than exist.
const HUGE: &[&str] = &[
    "{ length: 2 ** 32 - 1 }",
    "{ length: 2 ** 53 - 1 }",
    "Object.assign([], { length: 2 ** 32 - 1 })",
    "new Proxy([], { get: (t, k) => k === 'length' ? 2 ** 45 : undefined })",
];

/// Builtins that re-enter property access on their receiver or arguments: installed as
/// getters, methods and traps, they make cycles with no JavaScript frame.
const NATIVES: &[&str] = &[
    "Reflect.get",
    "Array.prototype.indexOf",
    "Object.prototype.toLocaleString",
    "Date.prototype.toJSON",
    "Promise.prototype.catch",
    "RegExp.prototype.test",
    "Object.prototype.toString",
    "Error.prototype.toString",
    "Array.prototype.join",
    "String.prototype.trim",
    "RegExp",
    "String",
];

struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Choices<'_> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// A number below `n` (0 once the input is used up).
    fn below(&mut self, n: usize) -> usize {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        usize::from(byte) % n
    }

    fn pick<'t>(&mut self, table: &[&'t str]) -> &'t str {
        table[self.below(table.len())]
    }
}

/// The guest program `bytes` stand for.
#[must_use]
pub fn program(bytes: &[u8]) -> String {
    if let Some((&RAW, text)) = bytes.split_first() {
        return String::from_utf8_lossy(text).into_owned();
    }
    let mut choices = Choices { bytes, at: 0 };
    // Slots the statements share, so values flow from one attack to the next; on the guest's
    // global, so the oracle sees everything the program ended up holding.
    let mut lines = vec![
        "globalThis.h = { x0: undefined, x1: undefined, x2: undefined, x3: undefined };".to_owned(),
    ];
    while !choices.done() && lines.len() <= MAX_STATEMENTS {
        let statement = statement(&mut choices, 0);
        lines.push(format!("try {{ {statement} }} catch (e) {{ h.x3 = e; }}"));
    }
    lines.join("\n")
}

fn local(choices: &mut Choices) -> String {
    format!("h.x{}", choices.below(4))
}

fn statement(choices: &mut Choices, depth: usize) -> String {
    let t = |c: &mut Choices| expression(c, depth + 1);
    match choices.below(22) {
        16 => format!(
            "{} = new Compartment({{ globals: {{ v: {} }} }}).evaluate({:?});",
            local(choices),
            t(choices),
            // A completion that depends on control flow takes the direct-eval path.
            format!("if (v) {{ {} }} else {{ typeof F }}", choices.pick(ESCAPES))
        ),
        17 => format!(
            "Promise.resolve({:?}).then({}).then(f => {{ {} = f; {} = typeof f === 'function' ? f() : f; }});",
            choices.pick(&["return this", "return globalThis", "this", "globalThis"]),
            choices.pick(EVALUATORS),
            local(choices),
            local(choices)
        ),
        18 => format!(
            "{} = describe({{ toString: {}, valueOf: {} }});",
            local(choices),
            choices.pick(EVALUATORS),
            t(choices)
        ),
        19 => format!(
            "{} = {}({});",
            local(choices),
            choices.pick(&[
                "JSON.stringify",
                "describe",
                "(v => new Compartment({ __options__: true, transforms: v }))",
                "(v => Reflect.apply(Math.max, null, v))",
                "(v => Reflect.ownKeys(new Proxy({}, { ownKeys: () => v })))",
                "(v => Array.prototype.join.call(v))",
            ]),
            choices.pick(HUGE)
        ),
        20 => {
            let key = choices.pick(KEYS);
            let target = local(choices);
            format!(
                "{target} = {{}}; Object.defineProperty({target}, {key}, {{ get: {}.bind(null, {target}, {key}), set: {} }}); {} = {target}[{key}];",
                choices.pick(NATIVES),
                choices.pick(NATIVES),
                local(choices)
            )
        }
        21 => format!(
            "{{ const t = {{}}; const p = new Proxy(t, {}); Object.setPrototypeOf(t, p); {} = p[{}]; }}",
            choices.pick(&["{}", "{ get: Reflect.get }", "{ has: Reflect.has }"]),
            local(choices),
            choices.pick(KEYS)
        ),
        0 => format!("{} = {};", local(choices), t(choices)),
        1 => format!("({})[{}] = {};", t(choices), choices.pick(KEYS), t(choices)),
        2 => format!(
            "Object.defineProperty({}, {}, {{ value: {}, writable: true, configurable: true }});",
            t(choices),
            choices.pick(KEYS),
            t(choices)
        ),
        3 => format!("Object.setPrototypeOf({}, {});", t(choices), t(choices)),
        4 => format!("delete ({})[{}];", t(choices), choices.pick(KEYS)),
        5 => format!(
            "Reflect.defineProperty({}, {}, {{ get() {{ return {}; }}, set(v) {{ {} = v; }} }});",
            t(choices),
            choices.pick(KEYS),
            t(choices),
            local(choices)
        ),
        6 => format!(
            "Object.assign({}, {{ [{}]: {} }});",
            t(choices),
            choices.pick(KEYS),
            t(choices)
        ),
        7 => format!("({}).__proto__ = {};", t(choices), t(choices)),
        8 => format!(
            "(function () {{ this[{}] = {}; }}).call({});",
            choices.pick(KEYS),
            t(choices),
            t(choices)
        ),
        9 => format!(
            "for (const k of Reflect.ownKeys({})) {{ {} = ({})[k]; }}",
            t(choices),
            local(choices),
            t(choices)
        ),
        10 => format!(
            "Promise.resolve({}).then(v => {{ {} = v; {} }});",
            t(choices),
            local(choices),
            nested_statement(choices, depth)
        ),
        11 => format!("harden({});", t(choices)),
        12 => format!(
            "{} = new Compartment({{ globals: {{ v: {} }} }}).evaluate({:?});",
            local(choices),
            t(choices),
            nested_program(choices, depth)
        ),
        13 => format!(
            "Object.freeze({}); Object.preventExtensions({});",
            t(choices),
            t(choices)
        ),
        14 => format!(
            "for (const v of {}) {{ {} = v; break; }}",
            t(choices),
            local(choices)
        ),
        _ => format!("{};", t(choices)),
    }
}

/// A statement inside a callback, or nothing once deep enough.
fn nested_statement(choices: &mut Choices, depth: usize) -> String {
    if depth >= MAX_DEPTH {
        return String::new();
    }
    statement(choices, depth + 1)
}

/// A short program for a nested compartment, which has its own `v` endowment.
fn nested_program(choices: &mut Choices, depth: usize) -> String {
    if depth >= MAX_DEPTH {
        return "v".to_owned();
    }
    format!(
        "globalThis.h = {{ x0: v, x1: undefined, x2: undefined, x3: undefined }}; {} h.x0",
        statement(choices, depth + 1)
    )
}

fn expression(choices: &mut Choices, depth: usize) -> String {
    if depth >= MAX_DEPTH {
        return atom(choices);
    }
    let e = |c: &mut Choices| expression(c, depth + 1);
    match choices.below(18) {
        0..=3 => atom(choices),
        4 => format!("({})[{}]", e(choices), choices.pick(KEYS)),
        5 => format!("({})({}, {})", e(choices), e(choices), e(choices)),
        6 => format!("({})[{}]({})", e(choices), choices.pick(KEYS), e(choices)),
        7 => format!("new ({})({})", e(choices), e(choices)),
        8 => {
            let method = choices.pick(&[
                "get",
                "getPrototypeOf",
                "ownKeys",
                "getOwnPropertyDescriptor",
                "apply",
                "construct",
                "has",
            ]);
            format!(
                "Reflect.{method}({}, {}, [{}])",
                e(choices),
                choices.pick(KEYS),
                e(choices)
            )
        }
        9 => {
            let handler = choices.pick(HANDLERS).replace("VALUE", &e(choices));
            format!("new Proxy({}, {handler})", e(choices))
        }
        10 => format!(
            "(function (a, b) {{ {} return {}; }})",
            nested_statement(choices, depth),
            e(choices)
        ),
        11 => format!(
            "(function* () {{ yield {}; return {}; }})()",
            e(choices),
            e(choices)
        ),
        12 => format!(
            "(async () => {{ await {}; return {}; }})()",
            e(choices),
            e(choices)
        ),
        13 => format!(
            "(class extends ({}) {{ static [{}] = {}; }})",
            e(choices),
            choices.pick(KEYS),
            e(choices)
        ),
        14 => format!(
            "({{ get [{}]() {{ return {}; }}, [Symbol.toPrimitive]() {{ return {}; }} }})",
            choices.pick(KEYS),
            e(choices),
            e(choices)
        ),
        15 => format!("Object.getPrototypeOf({})", e(choices)),
        16 => format!("`${{{}}}`", e(choices)),
        _ => choices.pick(ESCAPES).to_owned(),
    }
}

fn atom(choices: &mut Choices) -> String {
    match choices.below(4) {
        0 => choices.pick(TARGETS).to_owned(),
        1 => choices.pick(VALUES).to_owned(),
        2 => local(choices),
        _ => choices.pick(ESCAPES).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_is_a_bounded_program() {
        assert_eq!(
            program(b""),
            "globalThis.h = { x0: undefined, x1: undefined, x2: undefined, x3: undefined };"
        );
        let long = program(&[7; 10_000]);
        assert!(long.lines().count() <= MAX_STATEMENTS + 1, "{long}");
        assert_eq!(program(&[RAW, b'1', b'+', b'1']), "1+1");
    }

    #[test]
    fn bytes_steer_the_choices() {
        assert_ne!(program(&[1, 2, 3, 4]), program(&[1, 2, 3, 5]));
    }
}
