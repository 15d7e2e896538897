//! Where guest code is: the name every compiled text carries, and the stack frames of an error
//! mapped back to the guest's own source.
//!
//! The evaluator compiles a guest's source inside a wrapper (a block, or a function whose first
//! line is the wrapper's) and may insert `return ` before its final expression, so Boa's
//! positions are the wrapper's. Each compiled text gets a path (Boa's source path, which Boa
//! shows in stack frames) that carries the source's name and that [`Shift`]; [`frames`] reads a
//! stack Boa rendered and undoes the shift. A path is `\u{2}NAME\u{1}LINES\u{1}LINE\u{1}COLUMN\u{1}LENGTH`:
//! names never contain the two marks, so the last `\u{2}` of a frame line starts its path even
//! when the function's name (guest-chosen) contains one.

use std::{fmt, path::PathBuf};

use boa_engine::{Context, JsObject, JsResult, JsValue, js_string};

const START: char = '\u{2}';
const FIELD: char = '\u{1}';

/// A script's text and the name its stack frames and errors give it.
///
/// ```
/// use hardened::{CompartmentOptions, Engine, Error, Source};
///
/// let mut engine = Engine::new()?;
/// let guest = engine.new_compartment(CompartmentOptions::new())?;
/// let plugin = "const x = 1;\nfunction f() { return null.x; }\nf();";
/// let Err(Error::Thrown(thrown)) = engine.run_script(&guest, Source::named("plugin.js", plugin))
/// else { panic!("f throws") };
/// let at = thrown.location().expect("a guest frame");
/// assert_eq!((at.source.as_str(), at.line, at.column), ("plugin.js", 2, 28));
/// assert_eq!(thrown.frames[0].function, "f");
/// # Ok::<(), hardened::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub(crate) name: &'a str,
    pub(crate) text: &'a str,
}

impl<'a> Source<'a> {
    /// `text`, named `name` (a file name, a plugin's id) in stack frames.
    #[must_use]
    pub fn named(name: &'a str, text: &'a str) -> Self {
        Self { name, text }
    }
}

/// An unnamed text (`&str`, `&String`): `<evaluate>` in stack frames.
impl<'a, T: AsRef<str> + ?Sized> From<&'a T> for Source<'a> {
    fn from(text: &'a T) -> Self {
        Self::named("<evaluate>", text.as_ref())
    }
}

/// A position in a named source: 1-based line and column, as Boa counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The source's name: what the host named it (`Engine::evaluate_named`), a module's full
    /// specifier, or `<evaluate>`, `<eval>`, `<anonymous>` (a `Function` body) otherwise.
    pub source: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.column)
    }
}

/// One frame of a guest error's stack, innermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Frame {
    /// The function's name (guest-chosen: it may say anything), `<main>` for a source's top
    /// level.
    pub function: String,
    /// Where it was, or `None` for a native function.
    pub location: Option<Location>,
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "at {} ({location})", self.function),
            None => write!(f, "at {} (native)", self.function),
        }
    }
}

/// How a compiled text's positions differ from its source's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Shift {
    /// Lines the wrapper put before the source.
    pub(crate) lines: u32,
    /// Text inserted into the source (`return `): its source line, column and length.
    pub(crate) inserted: Option<(u32, u32, u32)>,
}

impl Shift {
    /// A wrapper that puts its own line before the source.
    pub(crate) const WRAPPED: Self = Self {
        lines: 1,
        inserted: None,
    };

    fn undo(self, line: u32, column: u32) -> (u32, u32) {
        let line = line.saturating_sub(self.lines).max(1);
        let column = match self.inserted {
            Some((at_line, at_column, length)) if at_line == line && column > at_column => {
                column.saturating_sub(length).max(at_column)
            }
            _ => column,
        };
        (line, column)
    }
}

/// The line and column (1-based, in code points, as Boa counts them) of byte `offset` of `text`.
pub(crate) fn position_of(text: &str, offset: usize) -> (u32, u32) {
    let mut chars = text[..offset].chars().peekable();
    let (mut line, mut column) = (1u32, 1u32);
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                line = line.saturating_add(1);
                column = 1;
            }
            _ => column = column.saturating_add(1),
        }
    }
    (line, column)
}

/// The name of the crate's own helper scripts (the module loader's frame, the direct-eval
/// helper), whose frames are left out of a stack.
pub(crate) const INTERNAL: &str = "<internal>";

/// Boa's source path for a text compiled from source `name`.
pub(crate) fn path(name: &str, shift: Shift) -> PathBuf {
    let name: String = name
        .chars()
        .filter(|c| !matches!(*c, START | FIELD))
        .collect();
    let (line, column, length) = shift.inserted.unwrap_or_default();
    PathBuf::from(format!(
        "{START}{name}{FIELD}{}{FIELD}{line}{FIELD}{column}{FIELD}{length}",
        shift.lines
    ))
}

/// The frames of a stack Boa rendered (`    at NAME (PATH:LINE:COLUMN)` or `(native)` a line),
/// innermost first, with positions in the guest's source. Lines that are not frames (a
/// function name with a line break makes some) are left out.
pub(crate) fn frames(stack: &str) -> Vec<Frame> {
    stack
        .lines()
        .filter_map(frame)
        .filter(|frame| match &frame.location {
            Some(location) => location.source != INTERNAL,
            // The hidden original body behind a builtin's entry check (`bounded::reentry`),
            // the only native without a name.
            None => !frame.function.is_empty(),
        })
        .collect()
}

fn frame(line: &str) -> Option<Frame> {
    let entry = line.trim_start().strip_prefix("at ")?.strip_suffix(')')?;
    if let Some(function) = entry.strip_suffix(" (native") {
        return Some(Frame {
            function: function.to_owned(),
            location: None,
        });
    }
    let (rest, column) = entry.rsplit_once(':')?;
    let (rest, line) = rest.rsplit_once(':')?;
    let (line, column) = (line.parse::<u32>().ok()?, column.parse::<u32>().ok()?);
    let (function, source, shift) = match rest.rfind(START) {
        Some(start) => {
            let function = rest[..start].strip_suffix(" (")?;
            let mut fields = rest[start + START.len_utf8()..].split(FIELD);
            let source = fields.next()?;
            let mut number = || fields.next()?.parse::<u32>().ok();
            let lines = number()?;
            let inserted = (number()?, number()?, number()?);
            let shift = Shift {
                lines,
                inserted: (inserted.0 > 0).then_some(inserted),
            };
            (function, source.to_owned(), shift)
        }
        // Boa's own paths: a direct eval's code, and code compiled without one.
        None => {
            let (function, path) = rest.rsplit_once(" (")?;
            let source = match path {
                "eval at " => "<eval>",
                "json at " => "<json>",
                _ => "<unknown>",
            };
            (function, source.to_owned(), Shift::default())
        }
    };
    let (line, column) = shift.undo(line, column);
    Some(Frame {
        function: function.to_owned(),
        location: Some(Location {
            source,
            line,
            column,
        }),
    })
}

/// A stack as V8 and SES show it: one `    at ...` line a frame.
pub(crate) fn render(frames: &[Frame]) -> String {
    frames
        .iter()
        .map(|frame| format!("    {frame}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Boa's own `Error.prototype.stack` getter, kept (context host data) before lockdown tames it:
/// the host reads every error's frames with it whatever guests see.
struct BoaStack(JsObject);

/// Keeps Boa's stack getter; when the engine is built, before any taming.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().error().prototype();
    let getter = prototype
        .borrow()
        .properties()
        .get(&js_string!("stack").into())
        .and_then(|descriptor| descriptor.get().and_then(JsValue::as_object));
    if let Some(getter) = getter {
        context.insert_data(BoaStack(getter));
    }
    Ok(())
}

/// The frames of `error` (an object with [[ErrorData]]; none for any other value), read with
/// Boa's own getter, which reads only the error's internal slot: no guest code runs.
pub(crate) fn frames_of(error: &JsValue, context: &mut Context) -> Vec<Frame> {
    let is_error = error
        .as_object()
        .is_some_and(|object| object.is::<boa_engine::builtins::error::Error>());
    let Some(getter) = context.get_data::<BoaStack>().map(|stack| stack.0.clone()) else {
        return Vec::new();
    };
    if !is_error {
        return Vec::new();
    }
    match getter.call(error, &[], context) {
        Ok(stack) => stack
            .as_string()
            .map(|stack| frames(&stack.to_std_string_escaped()))
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(name: &str, shift: Shift, function: &str, line: u32, column: u32) -> String {
        format!(
            "    at {function} ({}:{line}:{column})",
            path(name, shift).display()
        )
    }

    #[test]
    fn positions_come_back_to_the_source() {
        let shift = Shift {
            lines: 1,
            inserted: Some((3, 5, 7)),
        };
        let stack = [
            rendered("main.js", shift, "f", 4, 12),
            rendered("main.js", shift, "<main>", 3, 20),
            "    at map (native)".to_owned(),
            rendered("lib (1).js", Shift::default(), "g", 1, 1),
        ]
        .join("\n");
        let frames = frames(&stack);
        let at = |i: usize| {
            frames[i]
                .location
                .clone()
                .map(|l| (l.source, l.line, l.column))
        };
        assert_eq!(frames.len(), 4);
        assert_eq!(at(0), Some(("main.js".into(), 3, 5)));
        assert_eq!(at(1), Some(("main.js".into(), 2, 20)));
        assert_eq!(frames[2].function, "map");
        assert_eq!(at(2), None);
        assert_eq!(at(3), Some(("lib (1).js".into(), 1, 1)));
        // The inserted `return ` is before column 13 on source line 3.
        let frames = super::frames(&rendered("m", shift, "h", 4, 13));
        assert_eq!(frames[0].location.as_ref().map(|l| l.column), Some(6));
    }

    #[test]
    fn positions_count_code_points_and_every_line_terminator() {
        assert_eq!(position_of("ab", 2), (1, 3));
        assert_eq!(position_of("a\r\nb\u{2028}é", 9), (3, 2));
        assert_eq!(position_of("\r\r", 2), (3, 1));
    }

    #[test]
    fn guest_chosen_names_do_not_move_the_path() {
        let name = format!("evil{START}x{FIELD}1 (");
        let stack = rendered("src\u{2}.js", Shift::WRAPPED, &name, 2, 3);
        let frames = frames(&stack);
        assert_eq!(frames[0].function, name);
        let location = frames[0].location.clone().unwrap();
        assert_eq!((location.source.as_str(), location.line), ("src.js", 1));
    }
}
