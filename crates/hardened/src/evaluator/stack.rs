//! Stack room for guest code.
//!
//! Boa 0.22's parser and bytecode compiler recurse once per nesting level of the source and use
//! about 30 KiB of stack per level in a release build (~200 KiB in debug): 400 nested brackets
//! overflow an 8 MiB main-thread stack, and a Rust stack overflow aborts the process. The
//! nesting scan ([`check_nesting`]) measures how deep a source nests; a source whose depth the
//! current stack lacks room for runs on a fresh stack segment sized for it (reserved, committed
//! only as used; at most [`MAX_SEGMENT`]), and ordinary code, a few levels deep, runs where it
//! is. Sources nested deeper than [`MAX_NESTING`] levels of brackets or prefix operators are
//! refused with a SyntaxError before any parser sees them.

use boa_engine::{JsError, JsNativeError, JsResult, error::RuntimeLimitError};

/// Nesting levels a source may have (brackets, braces, parentheses, template substitutions
/// and chains of prefix operators).
pub(crate) const MAX_NESTING: usize = 4_000;

/// Stack used per nesting level by Boa's parser and compiler, with margin (measured on array
/// literals: 25–32 KiB in release, 150–200 KiB in debug builds).
const PER_LEVEL: usize = if cfg!(debug_assertions) {
    256 * 1024
} else {
    48 * 1024
};
/// Room for everything but the nesting.
const BASE: usize = 1024 * 1024;
const MAX_SEGMENT: usize = 2 * 1024 * 1024 * 1024;

/// Runs `f`, which parses and compiles a source nested `depth` levels deep, with enough stack
/// for it.
pub(crate) fn with_room<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    let needed = BASE
        .saturating_add(depth.saturating_mul(PER_LEVEL))
        .min(MAX_SEGMENT);
    stacker::maybe_grow(needed, needed, f)
}

/// Native stack a native function that may re-enter itself through guest objects keeps free.
const RED_ZONE: usize = 256 * 1024;

/// Fails with Boa's (uncatchable) recursion-limit error when the native stack is nearly used
/// up. Boa's recursion limit counts JavaScript frames only, so a native function that guest
/// objects can make call itself (an override setter assigning through a proxy that reaches the
/// same setter) must check for itself, or recursion would overflow the stack and abort the
/// process.
pub(crate) fn ensure_native_stack() -> JsResult<()> {
    match stacker::remaining_stack() {
        Some(remaining) if remaining < RED_ZONE => Err(JsError::from(RuntimeLimitError::Recursion)),
        _ => Ok(()),
    }
}

/// How deep `source` nests; refuses sources deeper than [`MAX_NESTING`]. The scan skips
/// string literals, template text, comments and regular expression literals (a `/` where an
/// operand is expected); it over-counts rather than under-counts (a regular expression after a
/// keyword such as `return` is scanned as code).
pub(crate) fn check_nesting(source: &str) -> Result<usize, JsNativeError> {
    let bytes = source.as_bytes();
    let (mut depth, mut prefix_run, mut deepest) = (0usize, 0usize, 0usize);
    // Open template literals, each with the brace depth at which its `${` was entered.
    let mut templates: Vec<usize> = Vec::new();
    let mut i = 0;
    // The last significant byte, to tell a regular expression from a division.
    let mut previous = b'(';
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' | b'"' => i = skip_quoted(bytes, i, c),
            b'`' => {
                templates.push(depth);
                i = continue_template(bytes, i + 1, &mut depth, &mut templates);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'/' if b"(,=:[!&|?{};+-*%<>~^".contains(&previous) => i = skip_regex(bytes, i),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' => {
                depth = depth.saturating_sub(1);
                if templates.last() == Some(&depth) {
                    // Back in template text after a substitution.
                    i = continue_template(bytes, i + 1, &mut depth, &mut templates);
                }
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            previous = bytes.get(i).copied().unwrap_or(c);
        }
        if matches!(c, b'!' | b'~' | b'+' | b'-') {
            prefix_run += 1;
        } else if !c.is_ascii_whitespace() {
            prefix_run = 0;
        }
        deepest = deepest.max(depth + prefix_run);
        if deepest > MAX_NESTING {
            return Err(JsNativeError::syntax().with_message(format!(
                "source nesting is deeper than {MAX_NESTING} levels"
            )));
        }
        i += 1;
    }
    Ok(deepest)
}

/// The index of the closing `/` of the regular expression literal opening at `start`.
fn skip_regex(bytes: &[u8], start: usize) -> usize {
    let (mut i, mut in_class) = (start + 1, false);
    while i < bytes.len() && bytes[i] != b'\n' {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The index of the closing quote of the literal opening at `start`.
fn skip_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i
}

/// Scans template text from `i` (the innermost open template): enters a `${` substitution, or
/// closes the template at its backtick. Returns the index of that `{` or backtick.
fn continue_template(
    bytes: &[u8],
    i: usize,
    depth: &mut usize,
    templates: &mut Vec<usize>,
) -> usize {
    let (next, substitution) = skip_template_text(bytes, i);
    if substitution {
        *depth += 1;
    } else {
        templates.pop();
    }
    next
}

/// From inside template text: the index of the closing backtick (`false`), or of the `{` of a
/// `${` substitution (`true`).
fn skip_template_text(bytes: &[u8], mut i: usize) -> (usize, bool) {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return (i, false),
            b'$' if bytes.get(i + 1) == Some(&b'{') => return (i + 1, true),
            _ => i += 1,
        }
    }
    (i, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_sources_are_refused() {
        let deep = format!(
            "x = {}{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        assert!(check_nesting(&deep).is_err());
        assert!(check_nesting(&format!("x = {}1", "!".repeat(MAX_NESTING + 1))).is_err());
        assert!(check_nesting(&format!("x = `{}`", "${`".repeat(MAX_NESTING + 1))).is_err());
    }

    #[test]
    fn brackets_in_strings_comments_and_templates_do_not_count() {
        let noise = "[".repeat(MAX_NESTING * 2);
        for source in [
            format!("'{noise}'"),
            format!("\"{noise}\""),
            format!("// {noise}\n1"),
            format!("/* {noise} */ 1"),
            format!("`{noise}${{1}}{noise}`"),
        ] {
            assert!(check_nesting(&source).is_ok(), "{}", &source[..20]);
        }
        let balanced = "[1, 2], ".repeat(MAX_NESTING * 2);
        assert_eq!(check_nesting(&balanced), Ok(1));
        assert_eq!(check_nesting("f([{a: (1)}])"), Ok(4));
        let regexes = "s = s.replace(/\\(|[(]/g, '');\n".repeat(MAX_NESTING * 2);
        assert!(check_nesting(&regexes).is_ok());
    }
}
