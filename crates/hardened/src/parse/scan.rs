//! An upper bound on the native stack Boa 0.22 needs to parse, compile and drop a source.
//!
//! Boa's parser, bytecode compiler and AST destructor recurse once per nesting level, and a Rust
//! stack overflow aborts the process. This scan walks the source's tokens and charges each token
//! the most stack a level opened by a token of its kind was measured to take (release build:
//! a bracket level 28–31 KiB, an operator or keyword in a chain 0.1–2.9 KiB; debug builds ×8).
//! The parser also clones what a parenthesized expression holds (cover grammar), one
//! `Expression::clone` frame (1.7 KiB) per nesting level, so no level is charged less than that.
//! A level's charges are dropped only where every construct opened in it is known to be finished:
//! at its closing bracket, at a `;` not followed by `else`/`while`, and at a `,` in an array
//! literal or an argument list.
//!
//! The bound must never be lower than what the parser does, so the scan must never read code as
//! text. The one place where lexing depends on the parse is `/` after `)`, `}`, `++` or a
//! keyword-like word (a division or a regular expression): there the scan follows *both*
//! readings, and merges readings that reach the same position with the same open brackets by
//! keeping the larger charges. (`<!--` and `-->`, comments only under Annex B, fork the same
//! way.) The bound is the largest total any reading reached.
//!
//! The same walk tells whether the source may run as the body of a block in a strict Script
//! ([`Scan::block`]), which the evaluator compiles with one parse instead of two. That is sound
//! only because Boa's reading is one of the scan's readings, so every fact is the union over
//! all readings, and a closing brace that no reading can match (one that would close the block
//! early) makes the source need the full analysis.

use boa_engine::JsNativeError;

/// Stack charged per open bracket (`(`, `[`, `{`, `${`).
pub(crate) const BRACKET: u64 = 40 * 1024 * SCALE;
/// Stack charged per operator byte or keyword (prefix operators, `=>`, `?`, `:`, `||`, ...).
const HEAVY: u64 = 3 * 1024 * SCALE;
/// Stack charged per `,` and `.`, and per closing bracket or template to the enclosing level
/// (call, member and sequence chains: ~0.9 KiB measured to parse, 1.7 KiB to clone inside
/// parentheses: found by the red team of 2026-12).
const LIGHT: u64 = 2560 * SCALE;
/// Debug builds use about eight times the stack per level.
const SCALE: u64 = if cfg!(debug_assertions) { 8 } else { 1 };
/// What wrapping a text as a function body adds to its bound: the body's brace level, and
/// `function`, `return` and the wrapper's punctuation at the outer levels.
pub(crate) const FUNCTION_LEVEL: u64 = BRACKET + 4 * HEAVY;
/// Sources whose bound exceeds this are refused (it is also the most stack a parse may use).
pub(crate) const MAX_STACK: u64 = 256 * 1024 * 1024 * SCALE;
/// The most stack a parse may use in the running engine call: [`MAX_STACK`], or less when the
/// engine's native-stack limit (`Limits::native_stack`) is lower, so that a parse never needs
/// a stack segment larger than the host allowed (a worker under a memory ceiling could not
/// map one).
pub(crate) fn allowed_stack() -> u64 {
    MAX_STACK.min((crate::stack::depth() as u64).saturating_mul(SCALE))
}
/// Readings followed at once; more means a source built to confuse the scan.
const MAX_READINGS: usize = 16;

/// What the previous token lets a `/` be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prev {
    /// An operand ended: `/` divides.
    Operand,
    /// An operator or opening bracket: `/` starts a regular expression.
    Operator,
    /// `)`, `}`, `++`, `--` or a keyword-like word: either.
    Either,
}

/// The kind of an open level, which decides how it may be closed and whether its commas
/// separate independent items.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Paren,
    /// An argument or parameter list: commas separate items parsed in a loop.
    Args,
    Bracket,
    /// An array literal: commas separate items parsed in a loop.
    Array,
    Brace,
    /// A template substitution `${`.
    Substitution,
}

/// What a `{` opens, for the block facts: only a body whose scope stops `var` (any function) and
/// binds `this` and `arguments` (not an arrow) keeps them from the Script's top level.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Scope {
    /// A block, an object literal, a class body, or a brace the scan cannot classify.
    Other,
    /// An arrow function's body.
    Arrow,
    /// A function's or method's body.
    Function,
}

/// The previous token, as far as classifying the next `(` or `{` needs it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Last {
    Other,
    /// `function`: a `(` now opens parameters, a word names the function.
    Function,
    /// `function *`.
    FunctionStar,
    /// `)` closing a parenthesis that can hold parameters: a `{` on the same line is a body.
    Parameters,
    /// `=>`.
    Arrow,
}

#[derive(Clone, Debug)]
struct Level {
    kind: Kind,
    /// The stack charged to this level since it was last reset.
    charge: u64,
    /// A `(` after a word, a literal, `]` or `function`: the parameters of a function or method
    /// (or a call, which a `{` on the same line cannot follow).
    parameters: bool,
    /// For a `{`: what it opens.
    scope: Scope,
}

#[derive(Clone, Debug)]
struct Reading {
    at: usize,
    prev: Prev,
    /// Open levels, outermost first.
    levels: Vec<Level>,
    /// Charges of the top level (outside any bracket).
    top: u64,
    /// A `;` ended a statement at the top level: its charges go unless the next token is `else`
    /// or `while` (an `if` or `do` statement goes on).
    pending_reset: bool,
    /// A line terminator (or a comment holding one) came after the previous token: automatic
    /// semicolon insertion may end the statement there, so a `/` after an operand may also
    /// start a regular expression (`var b\n/re/`, `break l\n/re/`).
    line_break: bool,
    /// The previous token was `?.`: a `[` after it opens a computed member, whose key is one
    /// expression (commas nest), not an array literal.
    optional_chain: bool,
    last: Last,
    /// This reading met something that could mean otherwise at a Script's top level than in a
    /// function body (see [`Scan::block`]).
    not_block: bool,
    /// This reading met something that could mean otherwise in a strict function body than in
    /// a strict Script, or that needs the full analysis (see [`Scan::body`]).
    not_body: bool,
    /// A template literal came after an operand (or a word): possibly tagged.
    tagged: bool,
    /// A word that can begin a declaration came outside every bracket.
    declares: bool,
}

impl Reading {
    fn total(&self) -> u64 {
        self.levels
            .iter()
            .fold(self.top, |sum, level| sum + BRACKET + level.charge)
    }

    fn charge(&mut self, amount: u64) {
        match self.levels.last_mut() {
            Some(level) => level.charge += amount,
            None => self.top += amount,
        }
    }

    fn reset(&mut self) {
        match self.levels.last_mut() {
            Some(level) => level.charge = 0,
            None => self.top = 0,
        }
    }

    /// Whether an open brace is at least `scope` (a function body keeps `var` inside it; only a
    /// non-arrow one binds `this` and `arguments`).
    fn inside(&self, scope: Scope) -> bool {
        self.levels.iter().any(|level| level.scope >= scope)
    }

    /// Applies a pending `;` reset before the token `word` (`None` for a non-word token).
    fn settle(&mut self, word: Option<&[u8]>) {
        if std::mem::take(&mut self.pending_reset) && !matches!(word, Some(b"else" | b"while")) {
            self.reset();
        }
    }

    fn same_shape(&self, other: &Self) -> bool {
        self.at == other.at
            && self.prev == other.prev
            && self.optional_chain == other.optional_chain
            && self.levels.len() == other.levels.len()
            && self
                .levels
                .iter()
                .zip(&other.levels)
                .all(|(a, b)| a.kind == b.kind)
    }

    /// Keeps, level by level, the larger charge: every later step adds to, resets or pops the
    /// same levels in both readings, so the merged reading bounds both.
    fn absorb(&mut self, other: &Self) {
        self.top = self.top.max(other.top);
        // A reading that keeps its charges bounds one that would drop them.
        self.pending_reset &= other.pending_reset;
        // A reading that sees `/` as ambiguous bounds one that does not.
        self.line_break |= other.line_break;
        // The block facts are kept only where both readings agree.
        self.not_block |= other.not_block;
        self.not_body |= other.not_body;
        self.tagged |= other.tagged;
        self.declares |= other.declares;
        if self.last != other.last {
            self.last = Last::Other;
        }
        for (mine, theirs) in self.levels.iter_mut().zip(&other.levels) {
            mine.charge = mine.charge.max(theirs.charge);
            mine.parameters &= theirs.parameters;
            mine.scope = mine.scope.min(theirs.scope);
        }
    }
}

/// What the scan learned of a source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scan {
    /// An upper bound, in bytes, on the native stack that parsing and compiling the source takes.
    pub(crate) bound: u64,
    /// The source means the same as the body of a block in a strict Script (`{` source `}`)
    /// as it does as the body of a strict function: no `var` outside a function body, no `this`
    /// or `arguments` outside a non-arrow function body, no function declared twice at the top
    /// level (allowed in a function body, an early error in a block), no HTML-like comment and
    /// no escaped word; no `eval` or `using` either (their checks need the parse); no control
    /// flow outside a function body, so that the Script's completion value, as Boa computes it,
    /// is exact; and no closing brace that would close the block.
    pub(crate) block: bool,
    /// The source means the same as the body of a strict function (called with `this` = the
    /// compartment's global) as it does as a strict Script, but for its completion value and
    /// what a function body keeps local (`var`, function declarations, `this`): no `return`
    /// outside a function body (an arrow's included) and no `new.target` outside a non-arrow
    /// one (both early errors in a Script); no HTML-like comment, escaped word, `eval` or
    /// `using`; and no closing brace that would close the function.
    pub(crate) body: bool,
    /// No template literal can be tagged (a tagged template's object belongs to one parse).
    pub(crate) untagged: bool,
    /// A `let`, `const`, `class` or `function` outside every bracket: the source may declare
    /// at its top level (without one, it needs no block to keep its declarations).
    pub(crate) declares: bool,
}

/// Facts that span readings.
#[derive(Default)]
struct Shared<'a> {
    /// Some reading met a `}` with nothing open.
    unbalanced: bool,
    /// The names after `function` at the top level, with where each was first seen.
    functions: std::collections::HashMap<&'a [u8], usize>,
}

/// An upper bound, in bytes, on the native stack that parsing and compiling `source` takes,
/// and whether it can run as a block ([`Scan`]); a SyntaxError when it exceeds [`MAX_STACK`].
pub(crate) fn scan(source: &str) -> Result<Scan, JsNativeError> {
    let bytes = source.as_bytes();
    let start = if bytes.starts_with(b"#!") {
        skip_line(bytes, 0)
    } else {
        0
    };
    let mut readings = vec![Reading {
        at: start,
        prev: Prev::Operator,
        levels: Vec::new(),
        top: 0,
        pending_reset: false,
        line_break: false,
        optional_chain: false,
        last: Last::Other,
        not_block: false,
        not_body: false,
        tagged: false,
        declares: false,
    }];
    let mut shared = Shared::default();
    let mut deepest = 0u64;
    // Where the last reading to fail failed.
    let mut failed_at = 0;
    loop {
        if readings.is_empty() {
            // Every reading met a token it cannot take: a syntax error, or a text Boa lexes
            // differently. Either way it is refused, never measured in part.
            let (line, column) = line_and_column(source, failed_at);
            return Err(JsNativeError::syntax()
                .with_message(format!("unexpected token at line {line}, column {column}")));
        }
        // Advance the reading that is furthest behind, after merging those at its position.
        let index = (0..readings.len())
            .min_by_key(|&i| readings[i].at)
            .unwrap_or_default();
        let mut reading = readings.swap_remove(index);
        readings.retain(|other| {
            if reading.same_shape(other) {
                reading.absorb(other);
                false
            } else {
                true
            }
        });
        // A reading alone goes on until it forks or fails; otherwise it takes one step and
        // waits for the others.
        loop {
            if reading.at >= bytes.len() {
                // Every other reading is at the end too (this one was furthest behind).
                readings.push(reading);
                let whole = |r: &Reading| !shared.unbalanced && r.levels.is_empty() && !r.not_body;
                return Ok(Scan {
                    bound: deepest,
                    block: readings.iter().all(|r| whole(r) && !r.not_block),
                    body: readings.iter().all(whole),
                    untagged: readings.iter().all(|r| !r.tagged),
                    declares: readings.iter().any(|r| r.declares),
                });
            }
            let at = reading.at;
            let fork = match step(bytes, &mut reading, &mut shared) {
                Step::Gone => {
                    failed_at = failed_at.max(at);
                    break;
                }
                Step::One => None,
                Step::Two(other) => Some(other),
            };
            for r in std::iter::once(&reading).chain(&fork) {
                deepest = deepest.max(r.total());
            }
            if deepest > MAX_STACK {
                return Err(JsNativeError::syntax()
                    .with_message("source nests too deeply to be parsed safely"));
            }
            if fork.is_some() || !readings.is_empty() {
                readings.push(reading);
                readings.extend(fork);
                break;
            }
        }
        if readings.len() > MAX_READINGS {
            return Err(JsNativeError::syntax().with_message(
                "source is too ambiguous to be checked (regular expressions or divisions)",
            ));
        }
    }
}

/// The 1-based line and column (in characters) of byte `at`.
fn line_and_column(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..source.floor_char_boundary(at)];
    let line_start = before
        .rfind(['\n', '\r', '\u{2028}', '\u{2029}'])
        // Past the whole line break: U+2028 and U+2029 are three bytes.
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let line =
        1 + before.matches(['\n', '\u{2028}', '\u{2029}']).count() + before.matches('\r').count()
            - before.matches("\r\n").count();
    (
        line,
        1 + source[line_start.min(before.len())..before.len()]
            .chars()
            .count(),
    )
}

/// What one step made of a reading.
enum Step {
    /// The token cannot be lexed this way: the reading ends.
    Gone,
    /// The reading moved on.
    One,
    /// The reading moved on, and this second reading of the same token goes on beside it.
    Two(Reading),
}

/// Moves `r` past the token at `r.at`.
fn step<'a>(bytes: &'a [u8], r: &mut Reading, shared: &mut Shared<'a>) -> Step {
    let i = r.at;
    let c = bytes[i];
    let next = bytes.get(i + 1).copied();
    let blank = whitespace_at(bytes, i).max(line_break_at(bytes, i));
    if blank > 0 {
        r.line_break |= line_break_at(bytes, i) > 0;
        r.at = i + blank;
        return Step::One;
    }
    match c {
        b'/' if next == Some(b'/') => {
            r.at = skip_line(bytes, i);
            return Step::One;
        }
        b'/' if next == Some(b'*') => {
            return match find(bytes, i + 2, b"*/") {
                Some(end) => {
                    r.line_break |= (i + 2..end).any(|j| line_break_at(bytes, j) > 0);
                    r.at = end + 2;
                    Step::One
                }
                None => Step::Gone,
            };
        }
        _ => {}
    }
    // A real token: what came between it and the previous one no longer matters after it.
    let line_break = std::mem::take(&mut r.line_break);
    let optional_chain = std::mem::take(&mut r.optional_chain);
    let last = std::mem::replace(&mut r.last, Last::Other);
    let word_end = if is_word_start(c) {
        word_end(bytes, i)
    } else {
        i
    };
    r.settle((word_end > i).then(|| &bytes[i..word_end]));
    match c {
        b'/' => {
            let mut divide = r.clone();
            divide.at = i + 1 + usize::from(next == Some(b'='));
            divide.prev = Prev::Operator;
            divide.charge(HEAVY);
            let prev = match r.prev {
                Prev::Operand if line_break => Prev::Either,
                prev => prev,
            };
            return match prev {
                Prev::Operand => {
                    *r = divide;
                    Step::One
                }
                Prev::Operator if regex(bytes, r) => Step::One,
                Prev::Operator => Step::Gone,
                Prev::Either if regex(bytes, r) => Step::Two(divide),
                Prev::Either => {
                    *r = divide;
                    Step::One
                }
            };
        }
        b'<' if bytes[i..].starts_with(b"<!--") => {
            r.not_body = true;
            let mut comment = r.clone();
            comment.at = skip_line(bytes, i);
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.charge(HEAVY);
            return Step::Two(comment);
        }
        b'-' if bytes[i..].starts_with(b"-->") => {
            r.not_body = true;
            let mut comment = r.clone();
            comment.at = skip_line(bytes, i);
            r.at = i + 2;
            r.prev = Prev::Either;
            r.charge(2 * HEAVY);
            return Step::Two(comment);
        }
        b'\'' | b'"' => match skip_string(bytes, i) {
            Some(end) => {
                r.at = end;
                r.prev = Prev::Operand;
            }
            None => return Step::Gone,
        },
        b'`' => {
            r.tagged |= r.prev != Prev::Operator;
            return if template(bytes, r, i + 1) {
                Step::One
            } else {
                Step::Gone
            };
        }
        b'(' | b'[' | b'{' => {
            let kind = match (c, r.prev) {
                (b'(', Prev::Operand) => Kind::Args,
                (b'(', _) => Kind::Paren,
                (b'[', Prev::Operator) if !optional_chain => Kind::Array,
                (b'[', _) => Kind::Bracket,
                _ => Kind::Brace,
            };
            let scope = match last {
                _ if c != b'{' => Scope::Other,
                Last::Parameters if !line_break => Scope::Function,
                Last::Arrow => Scope::Arrow,
                _ => Scope::Other,
            };
            r.levels.push(Level {
                kind,
                charge: 0,
                parameters: c == b'('
                    && (r.prev == Prev::Operand
                        || matches!(last, Last::Function | Last::FunctionStar)),
                scope,
            });
            r.at = i + 1;
            r.prev = Prev::Operator;
        }
        b')' | b']' | b'}' => {
            let Some(level) = r.levels.pop() else {
                // Inside the block (or function) the source is compiled in, this would close
                // it: only the full analysis may judge such a text.
                shared.unbalanced |= c == b'}';
                return Step::Gone;
            };
            let matches = match c {
                b')' => matches!(level.kind, Kind::Paren | Kind::Args),
                b']' => matches!(level.kind, Kind::Bracket | Kind::Array),
                _ => matches!(level.kind, Kind::Brace | Kind::Substitution),
            };
            if !matches {
                return Step::Gone;
            }
            r.charge(LIGHT);
            if level.kind == Kind::Substitution {
                return if template(bytes, r, i + 1) {
                    Step::One
                } else {
                    Step::Gone
                };
            }
            if level.parameters {
                r.last = Last::Parameters;
            }
            r.at = i + 1;
            r.prev = if c == b']' {
                Prev::Operand
            } else {
                Prev::Either
            };
        }
        b';' => {
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.pending_reset = true;
        }
        b',' => {
            r.at = i + 1;
            r.prev = Prev::Operator;
            match r.levels.last() {
                Some(Level {
                    kind: Kind::Array | Kind::Args,
                    ..
                }) => r.reset(),
                _ => r.charge(LIGHT),
            }
        }
        b'.' if next.is_some_and(|n| n.is_ascii_digit()) => number(bytes, r),
        b'.' => {
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.charge(LIGHT);
        }
        b'+' | b'-' if next == Some(c) => {
            r.at = i + 2;
            r.prev = Prev::Either;
            r.charge(2 * HEAVY);
        }
        b'0'..=b'9' => number(bytes, r),
        _ if word_end > i => word(bytes, r, word_end, last, shared),
        // `?.` (not `? .5`): an optional chain.
        b'?' if next == Some(b'.') && !bytes.get(i + 2).is_some_and(u8::is_ascii_digit) => {
            r.at = i + 2;
            r.prev = Prev::Operator;
            r.optional_chain = true;
            r.charge(HEAVY + LIGHT);
        }
        _ => {
            // Any other punctuator byte.
            r.last = match c {
                b'*' if last == Last::Function => Last::FunctionStar,
                b'>' if i > 0 && bytes[i - 1] == b'=' => Last::Arrow,
                _ => Last::Other,
            };
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.charge(HEAVY);
        }
    }
    Step::One
}

/// A regular expression literal at `r.at`: up to its closing `/` on the same line, then flags.
fn regex(bytes: &[u8], r: &mut Reading) -> bool {
    let mut i = r.at + 1;
    let mut in_class = false;
    loop {
        match bytes.get(i) {
            None => return false,
            Some(b'\\') => {
                if line_break_at(bytes, i + 1) > 0 {
                    return false;
                }
                i += 2;
            }
            Some(b'[') => (in_class, i) = (true, i + 1),
            Some(b']') => (in_class, i) = (false, i + 1),
            Some(b'/') if !in_class => break,
            _ if line_break_at(bytes, i) > 0 => return false,
            _ => i += 1,
        }
    }
    i += 1;
    // Flags are ASCII letters, as Boa lexes them; what follows is the next token (a space,
    // a line terminator or a word after non-ASCII white space included).
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    r.at = i;
    r.prev = Prev::Operand;
    true
}

/// Template text from `i` (just after a backtick or a substitution's `}`): up to the closing
/// backtick, or into the next `${` substitution.
fn template(bytes: &[u8], r: &mut Reading, mut i: usize) -> bool {
    loop {
        match bytes.get(i) {
            None => return false,
            Some(b'\\') => i += 2,
            Some(b'`') => {
                r.at = i + 1;
                r.prev = Prev::Operand;
                r.charge(LIGHT);
                return true;
            }
            Some(b'$') if bytes.get(i + 1) == Some(&b'{') => {
                r.levels.push(Level {
                    kind: Kind::Substitution,
                    charge: 0,
                    parameters: false,
                    scope: Scope::Other,
                });
                r.at = i + 2;
                r.prev = Prev::Operator;
                return true;
            }
            _ => i += 1,
        }
    }
}

/// A numeric literal: a prefixed integer, or digits with one fraction and one exponent, and a
/// BigInt suffix. What follows it is the next token (`1..a` is `1.` then `.a`).
fn number(bytes: &[u8], r: &mut Reading) {
    let digits = |mut i: usize, hex: bool| {
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_digit() || b == b'_' || (hex && b.is_ascii_hexdigit()))
        {
            i += 1;
        }
        i
    };
    let start = r.at;
    let prefixed = bytes[start] == b'0'
        && matches!(
            bytes.get(start + 1),
            Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
        );
    let mut i = if prefixed {
        digits(start + 2, true)
    } else {
        let mut i = digits(start, false);
        if bytes.get(i) == Some(&b'.') {
            i = digits(i + 1, false);
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
            i = digits(i + 1 + sign, false);
        }
        i
    };
    if bytes.get(i) == Some(&b'n') {
        i += 1;
    }
    r.at = i;
    r.prev = Prev::Operand;
}

/// Reserved and contextual words: `/` after one may begin a regular expression (`return /x/`,
/// `export default /x/`) or divide (`a.return / 2`), so both readings are followed; each may head
/// a nested construct, so each is charged. `this`, `super`, `null`, `true` and `false` are
/// operands.
fn is_keyword(word: &[u8]) -> bool {
    matches!(
        word,
        b"as"
            | b"async"
            | b"await"
            | b"break"
            | b"case"
            | b"catch"
            | b"class"
            | b"const"
            | b"continue"
            | b"debugger"
            | b"default"
            | b"delete"
            | b"do"
            | b"else"
            | b"enum"
            | b"export"
            | b"extends"
            | b"finally"
            | b"for"
            | b"from"
            | b"function"
            | b"get"
            | b"if"
            | b"implements"
            | b"import"
            | b"in"
            | b"instanceof"
            | b"interface"
            | b"let"
            | b"new"
            | b"of"
            | b"package"
            | b"private"
            | b"protected"
            | b"public"
            | b"return"
            | b"set"
            | b"static"
            | b"switch"
            | b"throw"
            | b"try"
            | b"typeof"
            | b"var"
            | b"void"
            | b"while"
            | b"with"
            | b"yield"
    )
}

fn word<'a>(bytes: &'a [u8], r: &mut Reading, end: usize, last: Last, shared: &mut Shared<'a>) {
    let start = r.at;
    let text = &bytes[start..end];
    r.at = end;
    // What would mean otherwise at a Script's top level than in a function body (see
    // [`Scan::block`]). A word is read the same wherever it is (a property name too):
    // erring that way only costs the full analysis.
    r.not_block |= match text {
        b"var" => !r.inside(Scope::Arrow),
        // Boa's completion value is exact when the last statement that can have one is an
        // expression statement, not always after control flow (`1; if (false) 2;`).
        b"if" | b"for" | b"while" | b"do" | b"switch" | b"try" | b"break" | b"continue"
        | b"debugger" => !r.inside(Scope::Arrow),
        b"this" | b"arguments" => !r.inside(Scope::Function),
        // A class body after `extends f(x)` looks like a method body to the classification,
        // and its computed keys see the `this` outside.
        b"extends" => !r.inside(Scope::Function),
        _ => false,
    };
    r.not_body |= match text {
        b"eval" | b"using" => true,
        b"return" => !r.inside(Scope::Arrow),
        // `new.target`, or `new` and a comment or non-ASCII space before whatever follows.
        b"new" => {
            !r.inside(Scope::Function)
                && bytes[end..]
                    .iter()
                    .find(|b| !b.is_ascii_whitespace())
                    .is_some_and(|b| matches!(b, b'.' | b'/' | 0x80..))
        }
        _ => text.contains(&b'\\'),
    };
    r.declares |= r.levels.is_empty() && matches!(text, b"let" | b"const" | b"class" | b"function");
    if matches!(last, Last::Function | Last::FunctionStar) && r.levels.is_empty() {
        // Declared twice at the top level: allowed in a function body, not in a block.
        let first = *shared.functions.entry(text).or_insert(start);
        r.not_block |= first != start;
    }
    if is_keyword(text) {
        r.prev = Prev::Either;
        r.charge(HEAVY);
        if text == b"function" {
            r.last = Last::Function;
        }
    } else {
        r.prev = Prev::Operand;
    }
}

/// Identifier bytes: ASCII letters, digits, `_`, `$`, `#`, `\` (escapes) and non-ASCII bytes
/// that are not part of a white space or line terminator character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'#' | b'\\') || b >= 0x80
}

fn is_word_start(b: u8) -> bool {
    is_word_byte(b) && !b.is_ascii_digit()
}

/// The end of the word starting at `i` (a backslash escapes the next byte).
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && is_word_byte(bytes[i])
        && whitespace_at(bytes, i) == 0
        && line_break_at(bytes, i) == 0
    {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i.min(bytes.len())
}

/// The length of the ECMAScript white space at `i` (TAB, VT, FF, SP, U+00A0, U+FEFF and the
/// other Zs characters), or 0.
fn whitespace_at(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or_default() {
        [b'\t' | 0x0b | 0x0c | b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] // U+1680
        | [0xE2, 0x80, 0x80..=0x8A, ..] // U+2000..U+200A
        | [0xE2, 0x80, 0xAF, ..] // U+202F
        | [0xE2, 0x81, 0x9F, ..] // U+205F
        | [0xE3, 0x80, 0x80, ..] // U+3000
        | [0xEF, 0xBB, 0xBF, ..] => 3, // U+FEFF
        _ => 0,
    }
}

/// The length of the line terminator at `i` (LF, CR, U+2028, U+2029), or 0.
fn line_break_at(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\n' | b'\r') => 1,
        Some(0xE2)
            if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
        {
            3
        }
        _ => 0,
    }
}

/// The index of the line terminator ending the line that contains `i` (or the end).
fn skip_line(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && line_break_at(bytes, i) == 0 {
        i += 1;
    }
    i
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The index after the string literal opening at `start`; `None` if it is unterminated.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let quote = bytes[start];
    let mut i = start + 1;
    loop {
        match *bytes.get(i)? {
            b'\\' => {
                // An escaped CR LF is one line continuation.
                i += 1 + match bytes.get(i + 1) {
                    Some(b'\r') if bytes.get(i + 2) == Some(&b'\n') => 2,
                    Some(_) => 1,
                    None => return None,
                };
            }
            b if b == quote => return Some(i + 1),
            b'\n' | b'\r' => return None,
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stack_bound(source: &str) -> Result<u64, JsNativeError> {
        scan(source).map(|scan| scan.bound)
    }

    fn levels(source: &str) -> u64 {
        stack_bound(source).expect("within the bound") / BRACKET
    }

    #[test]
    fn brackets_in_strings_comments_templates_and_regexes_are_text() {
        let noise = "[".repeat(20_000);
        for source in [
            format!("'{noise}'"),
            format!("\"{noise}\""),
            format!("// {noise}\n1"),
            format!("/* {noise} */ 1"),
            format!("`{noise}${{1}}{noise}`"),
            format!("x = /{noise}]/"),
        ] {
            assert!(levels(&source) < 3, "{}", &source[..10]);
        }
        assert_eq!(levels("f([{a: (1)}])"), 4);
    }

    #[test]
    fn errors_after_multibyte_line_breaks_have_positions() {
        // U+2028 and U+2029 are three bytes: the column counts from past the whole break.
        for (source, at) in [
            ("\u{2028})", "line 2, column 1"),
            ("'a'\u{2029}'x", "line 2, column 1"),
            ("1;\r\n\u{2028}  )", "line 3, column 3"),
            ("\u{2029}\u{2028}é)", "line 3, column 2"),
        ] {
            let error = stack_bound(source).expect_err("unlexable");
            assert!(error.to_string().contains(at), "{source:?}: {error}");
        }
    }

    #[test]
    fn a_division_after_a_brace_or_paren_is_read_both_ways() {
        // `{}` is an object literal here, so the brackets are code.
        let hidden = format!("let x = {{}}/{}1{}/1", "[".repeat(50), "]".repeat(50));
        assert!(levels(&hidden) >= 50);
        let hidden = format!("x = (a)/{}1{}/1", "[".repeat(50), "]".repeat(50));
        assert!(levels(&hidden) >= 50);
        let hidden = format!("x = a++/{}1{}/1", "[".repeat(50), "]".repeat(50));
        assert!(levels(&hidden) >= 50);
    }

    #[test]
    fn chains_without_brackets_are_charged() {
        for chain in ["x=>", "!", "a?b:", "a=", "1+", "a,", "if(a)", "new ", "a||"] {
            let source = format!("{}1", chain.repeat(200_000));
            assert!(stack_bound(&source).is_err(), "{chain}");
        }
        let source = format!("{};", "if(a){}else ".repeat(100_000));
        assert!(stack_bound(&source).is_err());
        let statements = "a = b + c * d;\n".repeat(100_000);
        assert!(levels(&statements) < 1);
    }

    #[test]
    fn the_scan_lexes_as_boa_does() {
        let deep = format!("{}1{}", "[".repeat(20_000), "]".repeat(20_000));
        // Non-ASCII white space before a regular expression.
        for space in ["\u{a0}", "\u{feff}", "\u{3000}", "\u{2028}", "\u{b}"] {
            let source = format!("let x ={space}/[)]/;\n{deep}");
            assert!(stack_bound(&source).is_err(), "{space:?}");
        }
        // Comments and odd white space between `;` and `else` keep an else-if chain charged.
        for gap in ["/**/", "//\n", "\u{b}", "\u{a0}", " "] {
            let source = format!("{};", format!("if(a)b;{gap}else ").repeat(200_000));
            assert!(stack_bound(&source).is_err(), "{gap:?}");
        }
        // Member chains after a number are not part of it.
        assert!(stack_bound(&format!("1.{}", ".a".repeat(200_000))).is_err());
        assert!(stack_bound(&format!("x = 1{}", ".a".repeat(200_000))).is_err());
        // After any reserved word `/` may start a regular expression.
        for word in [
            "default", "return", "typeof", "case", "do", "else", "in", "of", "yield",
        ] {
            let source = format!("x: {word} /[)]/;\n{deep}");
            assert!(stack_bound(&source).is_err(), "{word}");
        }
        assert!(stack_bound("export default /[)]/;").is_ok());
        // A text no reading can lex is refused, not measured in part.
        assert!(stack_bound(&format!("let s = 'unterminated\n{deep}")).is_err());
        assert!(stack_bound("1.5e+10 + 0x1F + 1_000n + .5").is_ok());
        // A nest after a regular expression and a line terminator is charged.
        for after in ["\u{2028}", "\u{2029}", "\u{a0}in\u{a0}"] {
            let source = format!("/x/g{after}typeof /()=/;{deep} / 1");
            assert!(stack_bound(&source).is_err(), "{after:?}");
        }
        assert!(stack_bound(&format!("[/x/\u{a0}in /'/, {deep}, '/'][1] //'")).is_err());
    }

    #[test]
    fn red_team_2026_12_shapes_are_charged() {
        // `a?.[…]` is a computed member whose key is one comma expression, not an array.
        let sequence = format!("a?.[{}'x']", "0,".repeat(200_000));
        assert!(stack_bound(&sequence).is_err());
        assert!(stack_bound(&format!("a?. /**/ [{}'x']", "0,".repeat(200_000))).is_err());
        assert!(levels(&format!("x = a?.[0] + [{}1]", "1, ".repeat(200_000))) < 4);
        // After an operand and a line break, automatic semicolon insertion can make `/` a
        // regular expression: `var b\n/}/` opens no block, and `/{/` closes none.
        let unit = "{var b\n/}/.x;\n";
        let asi = format!(
            "{}1;{}",
            unit.repeat(3000),
            "var b\n/{/ / 1 / 1;};\n".repeat(3000)
        );
        // Refused (too many readings) or charged for every level: either way no overflow.
        let deep = |source: &str| stack_bound(source).map_or(true, |bound| bound / BRACKET >= 3000);
        assert!(deep(&asi));
        let comment = format!("{}1", "{var b/*\n*//}/.x;\n".repeat(3000));
        assert!(deep(&comment));
        // Division at the start of a line still reads as division too.
        assert!(stack_bound("x = a\n/ 2 / b;").is_ok());
    }

    fn block(source: &str) -> bool {
        scan(source).expect("scannable").block
    }

    #[test]
    fn sources_that_mean_the_same_as_a_block_are_recognised() {
        for source in [
            "1+1",
            "",
            "let a = 1; const b = [a]; class C {} a * b[0]",
            "function f(x) { var y = this; return arguments.length + x } f(1)",
            "const g = () => { var y = 1; return y }; g()",
            "(function () { var x; if (x) {} for (;;) break; return this })()",
            "({ m(a) { return this }, 'n'(b) { var c }, [k](d) { return arguments } }).m()",
            "class A { m() { return this.x } static *g() { var y } }",
            "({ get x() { return this }, set x(v) { var w = v } })",
            "async function h() { for await (const x of y) {} } h",
            "x => { while (x) x--; return x }",
            "#!/usr/bin/env node\n1",
            "a.b // a comment\n",
            "s = 'eval this'",
        ] {
            assert!(block(source), "{source}");
        }
    }

    #[test]
    fn sources_that_could_mean_otherwise_in_a_block_are_not() {
        for source in [
            // Would reach the global scope or the Script's `this`.
            "var x = 1",
            "{ var x }",
            "foo(x)\n{ var y }",
            "foo(x) /*\n*/ { var y }",
            "this",
            "() => this",
            "() => { return this }",
            "() => arguments",
            "function f(a = this) {}",
            "class B extends f() { [this] = 1 }",
            "class B { x = this }",
            "({ [this]: 1 })",
            // Checked by the full analysis.
            "eval('1')",
            "x.eval",
            "using",
            "\\u0061rguments",
            // Boa's completion value is not exact after control flow.
            "1; if (false) 2;",
            "for (;;) break",
            "a: { break a }",
            "try {} finally {}",
            // An early error in a block only.
            "function f() {} function f() {}",
            "function* g() {} async function g() {}",
            // Lexed differently at the start of a line.
            "x = 1 <!-- y",
            "--> x",
            // Would close the block.
            "}",
            "}; {",
            "1 }; globalThis.leak = 1; {",
        ] {
            assert!(scan(source).map_or(true, |scan| !scan.block), "{source}");
        }
        // A brace that only the other reading of a `/` closes.
        assert!(scan("x = a\n/}/; {").map_or(true, |scan| !scan.block));
        assert!(scan("x = (a)/1/}; let leak = 1; {/1").map_or(true, |scan| !scan.block));
        // Boa divides and meets the `}`; the only reading left is one regular expression.
        assert!(!block("x = (a) / 2; } let leak = 1; { /1/"));
        // Red team 2026-12-05: regular expression flags end at the first byte that is not an
        // ASCII letter, so a line terminator or white space after them is seen.
        for source in [
            "/x/\u{2028}this",
            "/x/\u{2029}var leak = 1",
            "/x/\u{2028}typeof /()=/} let leak = this; { 1 / 1",
            "/x/\u{a0}in\u{a0}/()=/} let leak = 1; { 1 / 1",
            "/x/\u{3000}in\u{3000}/()=/} let leak = 1; { 1 / 1",
            "(() => { /x/\u{2028}using x = null })()",
            "let a = 1; [/x/\u{a0}in /'/, '/'] }; this; { //'",
        ] {
            assert!(scan(source).map_or(true, |scan| !scan.block), "{source:?}");
        }
    }

    fn body(source: &str) -> bool {
        scan(source).is_ok_and(|scan| scan.body)
    }

    #[test]
    fn sources_that_mean_the_same_as_a_function_body_are_recognised() {
        for source in [
            "var x = 1; if (x) { x++ } for (;;) break; this.y = arguments",
            "function f() {} function f() {} f()",
            "class B extends f() { [this] = 1 }",
            "function f() { return new.target } (() => { return 1 })()",
            "x = new Foo(); y = new\n Bar",
            "#!/usr/bin/env node\nvar a",
        ] {
            assert!(body(source), "{source}");
        }
    }

    #[test]
    fn sources_that_could_mean_otherwise_in_a_function_body_are_not() {
        for source in [
            // Early errors in a Script, accepted in a function body.
            "return 1",
            "if (x) { return }",
            "foo(x)\n{ return }",
            "new.target",
            "new /* */ .target",
            "new\u{2028}.target",
            "() => new.target",
            // Checked by the full analysis.
            "eval('1')",
            "using",
            "r\\u0065turn",
            "x = 1 <!-- y",
            // Would close the function.
            "}",
            "1 }; globalThis.leak = 1; (function () {",
            "x = a\n/}/; (function () {",
        ] {
            assert!(!body(source), "{source}");
        }
    }

    #[test]
    fn declarations_outside_every_bracket_are_seen() {
        for (source, declares) in [
            ("1 + 1", false),
            ("{ let a = 1 } (() => { const b = 2; class C {} })()", false),
            ("let a = 1", true),
            ("const b = 2", true),
            ("class C {}", true),
            ("function f() {}", true),
            // An expression, counted all the same: it only costs the braces.
            ("x = function () {}", true),
        ] {
            assert_eq!(
                scan(source).expect("scannable").declares,
                declares,
                "{source}"
            );
        }
    }

    #[test]
    fn templates_after_an_operand_may_be_tagged() {
        for (source, untagged) in [
            ("`x`", true),
            ("x = `a${1}b${`c`}`", true),
            ("f`x`", false),
            ("a.b`x`", false),
            ("f()`x`", false),
            ("typeof `x`", false),
        ] {
            assert_eq!(
                scan(source).expect("scannable").untagged,
                untagged,
                "{source}"
            );
        }
    }

    #[test]
    fn flat_lists_do_not_add_up() {
        let array = format!("x = [{}]", "1, ".repeat(500_000));
        assert!(levels(&array) < 3);
        let call = format!("f({})", "[1], ".repeat(200_000));
        assert!(levels(&call) < 3);
    }
}
