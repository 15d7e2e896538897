//! An upper bound on the native stack Boa 0.22 needs to parse, compile and drop a source.
//!
//! Boa's parser, bytecode compiler and AST destructor recurse once per nesting level, and a Rust
//! stack overflow aborts the process. This scan walks the source's tokens and charges each token
//! the most stack a level opened by a token of its kind was measured to take (release build:
//! a bracket level 28–31 KiB, an operator or keyword in a chain 0.1–2.9 KiB; debug builds ×8).
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

use boa_engine::JsNativeError;

/// Stack charged per open bracket (`(`, `[`, `{`, `${`).
const BRACKET: u64 = 40 * 1024 * SCALE;
/// Stack charged per operator byte or keyword (prefix operators, `=>`, `?`, `:`, `||`, ...).
const HEAVY: u64 = 3 * 1024 * SCALE;
/// Stack charged per `,` and `.`, and per closing bracket or template to the enclosing level
/// (call, member and sequence chains: ~0.9 KiB measured).
const LIGHT: u64 = 1536 * SCALE;
/// Debug builds use about eight times the stack per level.
const SCALE: u64 = if cfg!(debug_assertions) { 8 } else { 1 };
/// Sources whose bound exceeds this are refused (it is also the most stack a parse may use).
pub(crate) const MAX_STACK: u64 = 256 * 1024 * 1024 * SCALE;
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

#[derive(Clone, Debug)]
struct Reading {
    at: usize,
    prev: Prev,
    /// Open levels, outermost first, with the stack charged to each since it was last reset.
    levels: Vec<(Kind, u64)>,
    /// Charges of the top level (outside any bracket).
    top: u64,
}

impl Reading {
    fn total(&self) -> u64 {
        self.levels
            .iter()
            .fold(self.top, |sum, (_, charge)| sum + BRACKET + charge)
    }

    fn charge(&mut self, amount: u64) {
        match self.levels.last_mut() {
            Some((_, charge)) => *charge += amount,
            None => self.top += amount,
        }
    }

    fn reset(&mut self) {
        match self.levels.last_mut() {
            Some((_, charge)) => *charge = 0,
            None => self.top = 0,
        }
    }

    fn same_shape(&self, other: &Self) -> bool {
        self.at == other.at
            && self.prev == other.prev
            && self.levels.len() == other.levels.len()
            && self
                .levels
                .iter()
                .zip(&other.levels)
                .all(|(a, b)| a.0 == b.0)
    }

    /// Keeps, level by level, the larger charge: every later step adds to, resets or pops the
    /// same levels in both readings, so the merged reading bounds both.
    fn absorb(&mut self, other: &Self) {
        self.top = self.top.max(other.top);
        for (mine, theirs) in self.levels.iter_mut().zip(&other.levels) {
            mine.1 = mine.1.max(theirs.1);
        }
    }
}

/// An upper bound, in bytes, on the native stack that parsing and compiling `source` takes;
/// a SyntaxError when it exceeds [`MAX_STACK`].
pub(crate) fn stack_bound(source: &str) -> Result<u64, JsNativeError> {
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
    }];
    let mut deepest = 0u64;
    while !readings.is_empty() {
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
        if reading.at >= bytes.len() {
            continue;
        }
        for next in step(bytes, reading) {
            deepest = deepest.max(next.total());
            if deepest > MAX_STACK {
                return Err(JsNativeError::syntax()
                    .with_message("source nests too deeply to be parsed safely"));
            }
            readings.push(next);
        }
        if readings.len() > MAX_READINGS {
            return Err(JsNativeError::syntax().with_message(
                "source is too ambiguous to be checked (regular expressions or divisions)",
            ));
        }
    }
    Ok(deepest)
}

/// The readings after the token at `reading.at`: none if the token cannot be lexed this way.
fn step(bytes: &[u8], mut r: Reading) -> Vec<Reading> {
    let i = r.at;
    let c = bytes[i];
    let next = bytes.get(i + 1).copied();
    match c {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => r.at = i + 1,
        b'/' if next == Some(b'/') => r.at = skip_line(bytes, i),
        b'/' if next == Some(b'*') => match find(bytes, i + 2, b"*/") {
            Some(end) => r.at = end + 2,
            None => return Vec::new(),
        },
        b'/' => {
            let mut divide = r.clone();
            divide.at = i + 1 + usize::from(next == Some(b'='));
            divide.prev = Prev::Operator;
            divide.charge(HEAVY);
            return match r.prev {
                Prev::Operand => vec![divide],
                Prev::Operator => regex(bytes, r).into_iter().collect(),
                Prev::Either => regex(bytes, r).into_iter().chain([divide]).collect(),
            };
        }
        b'<' if bytes[i..].starts_with(b"<!--") => {
            let mut comment = r.clone();
            comment.at = skip_line(bytes, i);
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.charge(HEAVY);
            return vec![r, comment];
        }
        b'-' if bytes[i..].starts_with(b"-->") => {
            let mut comment = r.clone();
            comment.at = skip_line(bytes, i);
            r.at = i + 2;
            r.prev = Prev::Either;
            r.charge(2 * HEAVY);
            return vec![r, comment];
        }
        b'\'' | b'"' => match skip_string(bytes, i) {
            Some(end) => {
                r.at = end;
                r.prev = Prev::Operand;
            }
            None => return Vec::new(),
        },
        b'`' => return template(bytes, r, i + 1).into_iter().collect(),
        b'(' | b'[' | b'{' => {
            let kind = match (c, r.prev) {
                (b'(', Prev::Operand) => Kind::Args,
                (b'(', _) => Kind::Paren,
                (b'[', Prev::Operator) => Kind::Array,
                (b'[', _) => Kind::Bracket,
                _ => Kind::Brace,
            };
            r.levels.push((kind, 0));
            r.at = i + 1;
            r.prev = Prev::Operator;
        }
        b')' | b']' | b'}' => {
            let Some((kind, _)) = r.levels.pop() else {
                return Vec::new();
            };
            let matches = match c {
                b')' => matches!(kind, Kind::Paren | Kind::Args),
                b']' => matches!(kind, Kind::Bracket | Kind::Array),
                _ => matches!(kind, Kind::Brace | Kind::Substitution),
            };
            if !matches {
                return Vec::new();
            }
            r.charge(LIGHT);
            if kind == Kind::Substitution {
                return template(bytes, r, i + 1).into_iter().collect();
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
            if !followed_by_word(bytes, i + 1, &["else", "while"]) {
                r.reset();
            }
        }
        b',' => {
            r.at = i + 1;
            r.prev = Prev::Operator;
            match r.levels.last() {
                Some((Kind::Array | Kind::Args, _)) => r.reset(),
                _ => r.charge(LIGHT),
            }
        }
        b'.' if next.is_some_and(|n| n.is_ascii_digit()) => number(bytes, &mut r),
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
        b'0'..=b'9' => number(bytes, &mut r),
        _ if is_word_byte(c) => word(bytes, &mut r),
        _ => {
            // Any other punctuator byte.
            r.at = i + 1;
            r.prev = Prev::Operator;
            r.charge(HEAVY);
        }
    }
    vec![r]
}

/// A regular expression literal at `r.at`: up to its closing `/` on the same line, then flags.
fn regex(bytes: &[u8], mut r: Reading) -> Option<Reading> {
    let mut i = r.at + 1;
    let mut in_class = false;
    loop {
        match *bytes.get(i)? {
            b'\\' => {
                if line_break_at(bytes, i + 1) > 0 {
                    return None;
                }
                i += 2;
            }
            b'[' => (in_class, i) = (true, i + 1),
            b']' => (in_class, i) = (false, i + 1),
            b'/' if !in_class => break,
            _ if line_break_at(bytes, i) > 0 => return None,
            _ => i += 1,
        }
    }
    i += 1;
    while bytes.get(i).is_some_and(|&b| is_word_byte(b)) {
        i += 1;
    }
    r.at = i;
    r.prev = Prev::Operand;
    Some(r)
}

/// Template text from `i` (just after a backtick or a substitution's `}`): up to the closing
/// backtick, or into the next `${` substitution.
fn template(bytes: &[u8], mut r: Reading, mut i: usize) -> Option<Reading> {
    loop {
        match *bytes.get(i)? {
            b'\\' => i += 2,
            b'`' => {
                r.at = i + 1;
                r.prev = Prev::Operand;
                r.charge(LIGHT);
                return Some(r);
            }
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                r.levels.push((Kind::Substitution, 0));
                r.at = i + 2;
                r.prev = Prev::Operator;
                return Some(r);
            }
            _ => i += 1,
        }
    }
}

fn number(bytes: &[u8], r: &mut Reading) {
    let start = r.at;
    let decimal = !(bytes[start] == b'0'
        && bytes
            .get(start + 1)
            .is_some_and(|b| b.is_ascii_alphabetic()));
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let exponent_sign =
            decimal && matches!(b, b'+' | b'-') && matches!(bytes[i - 1], b'e' | b'E');
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.') || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    r.at = i;
    r.prev = Prev::Operand;
}

/// Words after which `/` may begin a regular expression, or that head a nested construct.
const KEYWORDS: &[&str] = &[
    "await",
    "case",
    "class",
    "delete",
    "do",
    "else",
    "extends",
    "for",
    "function",
    "if",
    "in",
    "instanceof",
    "new",
    "of",
    "return",
    "switch",
    "throw",
    "typeof",
    "void",
    "while",
    "with",
    "yield",
];

fn word(bytes: &[u8], r: &mut Reading) {
    let start = r.at;
    let mut i = start;
    while bytes.get(i).is_some_and(|&b| is_word_byte(b)) {
        // A backslash starts a unicode escape inside an identifier.
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    r.at = i.min(bytes.len());
    let text = &bytes[start..r.at];
    if KEYWORDS.iter().any(|k| k.as_bytes() == text) {
        r.prev = Prev::Either;
        r.charge(HEAVY);
    } else {
        r.prev = Prev::Operand;
    }
}

/// Identifier bytes: ASCII letters, digits, `_`, `$`, `#`, `\` (escapes) and every non-ASCII
/// byte. Line separators U+2028/U+2029 are caught before this is asked.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'#' | b'\\') || b >= 0x80
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

fn followed_by_word(bytes: &[u8], mut i: usize, words: &[&str]) -> bool {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    words.iter().any(|w| {
        bytes[i.min(bytes.len())..].starts_with(w.as_bytes())
            && !bytes.get(i + w.len()).is_some_and(|&b| is_word_byte(b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn flat_lists_do_not_add_up() {
        let array = format!("x = [{}]", "1, ".repeat(500_000));
        assert!(levels(&array) < 3);
        let call = format!("f({})", "[1], ".repeat(200_000));
        assert!(levels(&call) < 3);
    }
}
