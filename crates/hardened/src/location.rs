//! Where guest code is: the name every compiled text carries, and the stack frames of an error
//! mapped back to the guest's own source.
//!
//! The evaluator compiles a guest's source inside a wrapper (a block, or a function whose first
//! line is the wrapper's) and may insert `return ` before its final expression, so Boa's
//! positions are the wrapper's. Each compiled text gets a path (Boa's source path, which Boa
//! shows in stack frames) that carries the source's name and that [`Shift`]; [`frames`] reads a
//! stack Boa rendered and undoes the shift.
//!
//! Boa's stack is text, and function names in it are guest-chosen (a name may hold line breaks
//! and anything that looks like a frame). So every path starts with a mark no guest knows: a
//! per-engine random tag, which no stack a guest or host sees contains (Boa's own getter is
//! replaced when the engine is built, and lockdown's tamings map stacks the same way). A frame
//! is read only where that mark is; a path's fields come first and its name, which holds no
//! line break, last: `\u{2}TAG\u{1}INTERNAL\u{1}LINES\u{1}LINE\u{1}COLUMN\u{1}LENGTH\u{1}NAME`.
//! Frames of code without such a path (Boa's own direct eval) and of native functions are not
//! reported.

use std::{
    fmt,
    hash::{BuildHasher, Hasher},
    path::PathBuf,
};

use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string};

const START: char = '\u{2}';
const FIELD: char = '\u{1}';
/// The longest function name a frame keeps (Boa repeats a name in every frame).
const NAME_LENGTH: usize = 256;
/// The longest stack (in code units) read for its frames.
const STACK_LENGTH: usize = 1 << 20;

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
const INTERNAL: &str = "<internal>";

/// The engine's mark (context host data), and Boa's own `Error.prototype.stack` getter, kept
/// when the engine is built: the host reads every error's frames with it, whatever guests see.
struct Marks {
    tag: String,
    boa_stack: Option<JsObject>,
}

impl Marks {
    fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the marks are installed when the engine is built")
    }

    fn start(&self) -> String {
        format!("{START}{}{FIELD}", self.tag)
    }
}

/// Mints the engine's mark, keeps Boa's stack getter and puts one that maps its stack in its
/// place (see the module documentation); when the engine is built, before any guest code.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let tag = format!(
        "{:016x}",
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    );
    let prototype = context.intrinsics().constructors().error().prototype();
    let boa_stack = prototype
        .borrow()
        .properties()
        .get(&js_string!("stack").into())
        .and_then(|descriptor| descriptor.get().and_then(JsValue::as_object));
    context.insert_data(Marks { tag, boa_stack });
    let getter = crate::commons::native(
        context,
        "get stack",
        0,
        NativeFunction::from_fn_ptr(|this, _, context| mapped_stack(this, context)),
    );
    prototype.define_property_or_throw(
        js_string!("stack"),
        boa_engine::property::PropertyDescriptor::builder()
            .get(getter)
            .build(),
        context,
    )?;
    Ok(())
}

/// `this.stack` as guests may see it: Boa's stack, its frames in their sources' positions.
pub(crate) fn mapped_stack(this: &JsValue, context: &mut Context) -> JsResult<JsValue> {
    Ok(match boa_frames(this, context)? {
        Some(frames) => JsString::from(render(&frames)).into(),
        None => JsValue::undefined(),
    })
}

/// The frames of Boa's own stack of `this` (`None` where Boa has no stack for it). Boa repeats
/// each (guest-chosen) function name in every frame: a stack past [`STACK_LENGTH`] is not
/// copied and read again, and gives no frames.
fn boa_frames(this: &JsValue, context: &mut Context) -> JsResult<Option<Vec<Frame>>> {
    let Some(boa_stack) = Marks::get(context).boa_stack.clone() else {
        return Ok(None);
    };
    let stack = boa_stack.call(this, &[], context)?;
    Ok(stack.as_string().map(|stack| {
        if stack.len() <= STACK_LENGTH {
            frames(&stack.to_std_string_escaped(), context)
        } else {
            Vec::new()
        }
    }))
}

/// Boa's source path for a text compiled from source `name`.
pub(crate) fn path(context: &Context, name: &str, shift: Shift) -> PathBuf {
    marked(context, false, name, shift)
}

/// Boa's source path for the crate's own helper scripts.
pub(crate) fn internal_path(context: &Context) -> PathBuf {
    marked(context, true, INTERNAL, Shift::default())
}

fn marked(context: &Context, internal: bool, name: &str, shift: Shift) -> PathBuf {
    // A name holds neither mark nor a line break: a frame's line ends with its path.
    let name: String = name
        .chars()
        .map(|c| match c {
            START | FIELD | '\n' | '\r' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    let (line, column, length) = shift.inserted.unwrap_or_default();
    PathBuf::from(format!(
        "{}{}{FIELD}{}{FIELD}{line}{FIELD}{column}{FIELD}{length}{FIELD}{name}",
        Marks::get(context).start(),
        u8::from(internal),
        shift.lines,
    ))
}

/// The frames of a stack Boa rendered (`    at NAME (PATH:LINE:COLUMN)` a line), innermost
/// first, with positions in the guest's own sources: only frames whose path carries the
/// engine's mark (see the module documentation).
pub(crate) fn frames(stack: &str, context: &Context) -> Vec<Frame> {
    let start = Marks::get(context).start();
    let mut frames = Vec::new();
    let mut from = 0;
    while let Some(found) = stack[from..].find(&start) {
        let at = from + found;
        let end = stack[at..].find('\n').map_or(stack.len(), |end| at + end);
        let before = &stack[from..at];
        from = end;
        // The function's name: what Boa wrote between the previous frame and this path.
        let before = before.strip_suffix(" (").unwrap_or(before);
        let function = match before.rsplit_once("\n    at ") {
            Some((_, name)) => name,
            None => before.trim_start().strip_prefix("at ").unwrap_or(before),
        };
        if let Some(frame) = frame(function, &stack[at + start.len()..end]) {
            frames.push(frame);
        }
    }
    frames
}

/// One frame: `INTERNAL\u{1}LINES\u{1}LINE\u{1}COLUMN\u{1}LENGTH\u{1}NAME:LINE:COLUMN)`.
fn frame(function: &str, path: &str) -> Option<Frame> {
    let path = path.strip_suffix(')')?;
    let (rest, column) = path.rsplit_once(':')?;
    let (rest, line) = rest.rsplit_once(':')?;
    let (line, column) = (line.parse::<u32>().ok()?, column.parse::<u32>().ok()?);
    let mut fields = rest.splitn(6, FIELD);
    let mut number = || fields.next()?.parse::<u32>().ok();
    let internal = number()? != 0;
    let lines = number()?;
    let inserted = (number()?, number()?, number()?);
    let source = fields.next()?;
    if internal {
        return None;
    }
    let shift = Shift {
        lines,
        inserted: (inserted.0 > 0).then_some(inserted),
    };
    let (line, column) = shift.undo(line, column);
    // Shown on one line: a guest's line breaks and other controls escaped.
    let function = function
        .chars()
        .flat_map(|c| {
            let escape = c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
            let shown: Vec<char> = if escape {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            shown
        })
        .take(NAME_LENGTH)
        .collect();
    Some(Frame {
        function,
        location: Some(Location {
            source: source.to_owned(),
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

/// The frames of `error` (an object with [[ErrorData]]; none for any other value), read with
/// Boa's own getter, which reads only the error's internal slot: no guest code runs.
pub(crate) fn frames_of(error: &JsValue, context: &mut Context) -> Vec<Frame> {
    let is_error = error
        .as_object()
        .is_some_and(|object| object.is::<boa_engine::builtins::error::Error>());
    if !is_error {
        return Vec::new();
    }
    boa_frames(error, context)
        .ok()
        .flatten()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context {
        let mut context = Context::default();
        install(&mut context).expect("marks");
        context
    }

    fn rendered(
        context: &Context,
        name: &str,
        shift: Shift,
        function: &str,
        at: (u32, u32),
    ) -> String {
        format!(
            "    at {function} ({}:{}:{})",
            path(context, name, shift).display(),
            at.0,
            at.1
        )
    }

    fn places(frames: &[Frame]) -> Vec<(String, String, u32, u32)> {
        frames
            .iter()
            .filter_map(|frame| {
                let at = frame.location.as_ref()?;
                Some((
                    frame.function.clone(),
                    at.source.clone(),
                    at.line,
                    at.column,
                ))
            })
            .collect()
    }

    #[test]
    fn positions_come_back_to_the_source() {
        let context = context();
        let shift = Shift {
            lines: 1,
            inserted: Some((3, 5, 7)),
        };
        let stack = [
            rendered(&context, "main.js", shift, "f", (4, 12)),
            rendered(&context, "main.js", shift, "<main>", (3, 20)),
            "    at map (native)".to_owned(),
            rendered(&context, "lib (1).js", Shift::default(), "g", (1, 1)),
            format!("    at helper ({}:1:1)", internal_path(&context).display()),
        ]
        .join("\n");
        assert_eq!(
            places(&frames(&stack, &context)),
            [
                ("f".into(), "main.js".into(), 3, 5),
                ("<main>".into(), "main.js".into(), 2, 20),
                ("g".into(), "lib (1).js".into(), 1, 1),
            ]
        );
        // Columns after the inserted `return ` on its line are the source's.
        let after = rendered(&context, "m", shift, "h", (4, 13));
        assert_eq!(places(&frames(&after, &context))[0].3, 6);
    }

    #[test]
    fn positions_count_code_points_and_every_line_terminator() {
        assert_eq!(position_of("ab", 2), (1, 3));
        assert_eq!(position_of("a\r\nb\u{2028}é", 9), (3, 2));
        assert_eq!(position_of("\r\r", 2), (3, 1));
    }

    #[test]
    fn guest_chosen_names_cannot_forge_or_hide_frames() {
        let context = context();
        // A function name that looks like frames, with the marks of a path but not the tag.
        let forged = format!(
            "x\n    at forged ({START}0000000000000000{FIELD}0{FIELD}0{FIELD}0{FIELD}0{FIELD}0{FIELD}secret.rs:7:9)\n    at y"
        );
        let stack = [
            rendered(&context, "main.js", Shift::default(), &forged, (1, 2)),
            rendered(&context, "main.js", Shift::default(), "x\n", (2, 3)),
        ]
        .join("\n");
        let found = places(&frames(&stack, &context));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            !found[0].0.contains('\n') && found[1].0 == "x\\n",
            "{found:?}"
        );
        assert!(
            found.iter().all(|(_, source, _, _)| source == "main.js"),
            "{found:?}"
        );
        assert_eq!((found[0].2, found[1].2), (1, 2));
        // A name with line breaks keeps no line break in its path.
        let path = path(&context, "m\n    at f (x:1:1)", Shift::default());
        assert!(!path.display().to_string().contains('\n'));
        // The crate's own name given to a guest's module is still the guest's.
        let own = rendered(&context, INTERNAL, Shift::default(), "m", (1, 1));
        assert_eq!(places(&frames(&own, &context)).len(), 1);
    }
}
