//! The one entry to Boa's parser and compiler.
//!
//! Every text the crate hands to Boa (compartment sources, the compartment's `eval` and
//! `Function`, module texts from every origin, `ModuleSource`, generated virtual-module
//! wrappers) goes through this module, and nothing outside it names `Script::parse`,
//! `Module::parse` or `boa_parser::Parser` (a test checks). A [`Room`] is made for one text by
//! [`guarded`], which bounds the native stack that parsing and compiling that text can take
//! ([`scan`]), refuses texts over the bound, and runs the work on a stack segment with that much
//! room; the functions here take the `Room` and parse exactly its text, so no text reaches the
//! parser unmeasured. Guest texts are also checked for what compartment code may not contain
//! ([`check_guest_code`]).

mod guest;
pub(crate) mod module_text;
mod scan;

pub(crate) use guest::{DirectEval, GuestCode, check_guest_code};

use crate::location::Shift;
use boa_ast::scope::Scope;
use boa_engine::{Context, JsNativeError, JsResult, Module, Script, Source, vm::CodeBlock};
use boa_gc::Gc;
use boa_interner::Interner;
use boa_parser::Parser;

/// Stack for everything but the nesting.
const BASE: u64 = 1024 * 1024;

/// A text, and the proof that the running stack has room to parse and compile it.
pub(crate) struct Room<'a> {
    text: Text<'a>,
    /// What the scan found: `bound` is the stack the text can need; the running stack has at
    /// least that plus [`BASE`] free.
    scan: scan::Scan,
}

#[derive(Clone, Copy)]
pub(crate) enum Text<'a> {
    Utf8(&'a str),
    Utf16(&'a [u16]),
}

impl<'a> Room<'a> {
    /// Runs `f` with a room for the Script the evaluator compiles a function body into
    /// ([`function_script`]), where `body` is this room's text with `return ` put before its final
    /// expression statement (or a hashbang made a line comment). That Script nests one function
    /// level and one statement deeper than this room's text, so its bound follows from this one's
    /// and the text is not scanned again.
    pub(crate) fn wrapping<R>(
        &self,
        body: &str,
        source: &SourceText,
        f: impl FnOnce(&Room<'_>) -> JsResult<R>,
    ) -> JsResult<R> {
        self.derived(function_script(body), source, scan::FUNCTION_LEVEL, f)
    }

    /// Whether this room's text can be compiled as [`block_script`] (see [`scan::Scan::block`]),
    /// and if so whether that Script's code may run again (no tagged template).
    pub(crate) fn block(&self) -> Option<bool> {
        self.scan.block.then_some(self.scan.untagged)
    }

    /// Whether this room's text can be compiled as the body of a [`function_script`] when its
    /// completion value is not wanted (see [`scan::Scan::body`]), and if so whether that code
    /// may run again (no tagged template).
    pub(crate) fn body(&self) -> Option<bool> {
        // Boa's function bodies miss duplicate lexical declarations (`class A {} class A {}`)
        // that a Script's parse reports: a source that declares any at its top level takes the
        // analysis.
        (self.scan.body && !self.scan.declares).then_some(self.scan.untagged)
    }

    /// Runs `f` with a room for the strict Script that runs this room's text (`source`) as a
    /// block ([`block_script`]), one brace level deeper; or as it is, when nothing is declared
    /// outside every bracket (the braces would keep nothing, and cost a fifth of a small
    /// source's parse). `f` also gets how the compiled text's positions differ from the source's.
    pub(crate) fn blocked<R>(
        &self,
        source: &SourceText,
        f: impl FnOnce(&Room<'_>, Shift) -> JsResult<R>,
    ) -> JsResult<R> {
        let text = self.utf8()?;
        if !self.scan.declares {
            if source.is_utf8() {
                return f(self, Shift::default());
            }
            return self.derived(text.to_owned(), source, 0, |room| f(room, Shift::default()));
        }
        self.derived(
            block_script(&hashbang_as_comment(text)),
            source,
            scan::BRACKET,
            |room| f(room, Shift::WRAPPED),
        )
    }

    /// Runs `f` with a room for `derived`, made from this room's text (`source`) by adding ASCII
    /// that nests it `deeper` more bytes of stack, so it is not scanned again.
    fn derived<R>(
        &self,
        derived: String,
        source: &SourceText,
        deeper: u64,
        f: impl FnOnce(&Room<'_>) -> JsResult<R>,
    ) -> JsResult<R> {
        let text = SourceText::restore(derived, std::slice::from_ref(source))?;
        let room = Room {
            text: text.text(),
            scan: scan::Scan {
                bound: self.scan.bound + deeper,
                ..self.scan
            },
        };
        grow(BASE + room.scan.bound, || f(&room))?
    }

    /// The room's text, which must be UTF-8 (a script source).
    pub(crate) fn utf8(&self) -> Result<&'a str, JsNativeError> {
        match self.text {
            Text::Utf8(text) => Ok(text),
            Text::Utf16(_) => Err(JsNativeError::syntax().with_message("script texts are UTF-8")),
        }
    }
}

/// A JavaScript string as guest source. JavaScript strings may hold unpaired surrogates, valid
/// in literals, templates, regular expressions and comments, that UTF-8 cannot. The analysis
/// reads a UTF-8 copy with each one replaced by U+FFFD, which the grammar admits in exactly the
/// same places; texts derived from that copy by adding ASCII (a `return`, a wrapper) get the
/// surrogates back from [`SourceText::restore`] before they are compiled.
pub(crate) struct SourceText {
    utf8: String,
    /// For each U+FFFD of `utf8` in order, the unpaired surrogate it stands for (`None`: a
    /// U+FFFD of the source); `None` when the source had no unpaired surrogate.
    unpaired: Option<Vec<Option<u16>>>,
}

/// A compiled text: UTF-8, or UTF-16 when it holds unpaired surrogates.
pub(crate) enum Restored {
    Utf8(String),
    Utf16(Vec<u16>),
}

impl Restored {
    pub(crate) fn text(&self) -> Text<'_> {
        match self {
            Self::Utf8(text) => Text::Utf8(text),
            Self::Utf16(text) => Text::Utf16(text),
        }
    }
}

impl SourceText {
    pub(crate) fn new(string: &boa_engine::JsString) -> Self {
        if let Ok(utf8) = string.to_std_string() {
            return Self {
                utf8,
                unpaired: None,
            };
        }
        let mut utf8 = String::with_capacity(string.len());
        let mut unpaired = Vec::new();
        for decoded in char::decode_utf16(string.iter()) {
            match decoded {
                Ok(c) => {
                    if c == char::REPLACEMENT_CHARACTER {
                        unpaired.push(None);
                    }
                    utf8.push(c);
                }
                Err(error) => {
                    unpaired.push(Some(error.unpaired_surrogate()));
                    utf8.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
        Self {
            utf8,
            unpaired: Some(unpaired),
        }
    }

    /// The text to analyse.
    pub(crate) fn as_str(&self) -> &str {
        &self.utf8
    }

    /// Whether the text is exactly its UTF-8 copy.
    pub(crate) fn is_utf8(&self) -> bool {
        self.unpaired.is_none()
    }

    /// `derived`, made from these texts' UTF-8 copies in this order by adding ASCII, with their
    /// unpaired surrogates put back. Fails closed (a SyntaxError) when `derived` does not hold
    /// exactly their U+FFFDs, which would mean it was made some other way.
    pub(crate) fn restore(derived: String, from: &[Self]) -> Result<Restored, JsNativeError> {
        if from.iter().all(|text| text.is_utf8()) {
            return Ok(Restored::Utf8(derived));
        }
        let originals: Vec<Option<u16>> = from
            .iter()
            .flat_map(|text| match &text.unpaired {
                Some(unpaired) => unpaired.clone(),
                None => vec![None; text.utf8.matches(char::REPLACEMENT_CHARACTER).count()],
            })
            .collect();
        if derived.matches(char::REPLACEMENT_CHARACTER).count() != originals.len() {
            return Err(JsNativeError::syntax()
                .with_message("internal: a compiled text does not match the source it came from"));
        }
        let mut originals = originals.into_iter();
        let units = derived
            .encode_utf16()
            .map(|unit| match unit {
                0xFFFD => originals.next().flatten().unwrap_or(unit),
                _ => unit,
            })
            .collect();
        Ok(Restored::Utf16(units))
    }
}

/// Runs `f` with a [`Room`] for `text`: refuses the text with a SyntaxError when it could need
/// more stack than [`scan::allowed_stack`], and otherwise gives `f` a stack segment large enough for
/// any parse and compilation of it.
pub(crate) fn guarded<'a, R>(
    text: Text<'a>,
    f: impl FnOnce(&Room<'a>) -> JsResult<R>,
) -> JsResult<R> {
    let scan = match text {
        Text::Utf8(text) => scan::scan(text)?,
        Text::Utf16(text) => scan::scan(&String::from_utf16_lossy(text))?,
    };
    if scan.bound > scan::allowed_stack() {
        return Err(JsNativeError::syntax()
            .with_message("source nests too deeply for the engine's native-stack limit")
            .into());
    }
    ADMITTED.set(ADMITTED.get().max(scan.bound));
    let room = Room { text, scan };
    grow(BASE + scan.bound, || f(&room))?
}

thread_local! {
    /// The largest bound [`guarded`] has admitted on this thread: code parsed under one
    /// native-stack limit may be compiled later under a lower one (a module is linked when it
    /// is first imported), and must still get the room its text was admitted with.
    static ADMITTED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A Script's text as a block's or a function body's: a hashbang is valid at the start of a
/// Script only, and a line comment of the same length keeps every position.
pub(crate) fn hashbang_as_comment(text: &str) -> String {
    match text.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => text.to_owned(),
    }
}

/// The Script that evaluates to a strict function with `body` as its body. The wrapper has a
/// line of its own, so the body keeps its columns ([`crate::location::Shift::WRAPPED`]); the
/// body's last line may be a line comment, hence the line break before `}`.
pub(crate) fn function_script(body: &str) -> String {
    format!("'use strict';0,function(){{\n{body}\n}}")
}

/// The strict Script whose code is `body` as a block: declarations stay in the block, and the
/// Script's completion value is the body's. The `{` has a line of its own, as in
/// [`function_script`]; the body's last line may be a line comment, hence the line break
/// before `}`. Only for texts whose [`scan::Scan::block`] holds: no `var`, no
/// function declared twice, and no read of the Script's `this`.
pub(crate) fn block_script(body: &str) -> String {
    format!("{{\n{body}\n}}")
}

/// Runs `f`, which compiles code already parsed elsewhere (Boa compiles a module when it links
/// it), with room for the largest text [`guarded`] accepts now or has admitted before.
pub(crate) fn with_room_for_any<R>(f: impl FnOnce() -> R) -> JsResult<R> {
    grow(BASE + scan::allowed_stack().max(ADMITTED.get()), f)
}

/// Runs `f` with `needed` bytes of stack, on a new segment when this one has less. `stacker`
/// panics when it cannot map a segment (the process is out of address space, as under a
/// worker's memory ceiling): that is [`Limit::Memory`](crate::limits::Limit::Memory), not an
/// engine bug, and `f` has not started, so nothing is left half done.
fn grow<R>(needed: u64, f: impl FnOnce() -> R) -> JsResult<R> {
    let needed = usize::try_from(needed).unwrap_or(usize::MAX);
    let from = crate::stack::here();
    let started = std::cell::Cell::new(false);
    let grown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stacker::maybe_grow(needed, needed, || {
            started.set(true);
            crate::stack::segment(from, f)
        })
    }));
    match grown {
        Ok(result) => Ok(result),
        Err(_) if !started.get() => Err(crate::limits::Limit::Memory.error()),
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

/// Parses the room's text as a strict Script with Boa's own parser, for analysis, and checks it
/// as guest code.
pub(crate) fn script_ast(
    room: &Room<'_>,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> Result<boa_ast::Script, JsNativeError> {
    let mut parser = Parser::new(Source::from_bytes(room.utf8()?));
    parser.set_strict();
    let script = parser
        .parse_script(&Scope::new_global(), interner)
        .map_err(|e| JsNativeError::syntax().with_message(e.to_string()))?;
    check_guest_code(&script)?.allow(direct_eval)?;
    Ok(script)
}

/// Parses the room's text, a REPL input with top-level `await`, as a module with Boa's own
/// parser, for analysis (see `evaluator::repl`), and checks it as guest code under
/// `direct_eval`. The text must not contain `<!--` or `-->`: a module reads them as operators
/// where the Script the input is compiled in ([`repl_script`]) may read a comment, the one
/// place the two goals tokenize the same text differently.
pub(crate) fn await_ast(
    room: &Room<'_>,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> Result<boa_ast::Module, JsNativeError> {
    let text = room.utf8()?;
    if text.contains("<!--") || text.contains("-->") {
        return Err(JsNativeError::syntax().with_message(
            "an input with top-level await may not contain `<!--` or `-->` \
             (write `< !--` or `-- >`)",
        ));
    }
    let module = Parser::new(Source::from_bytes(text))
        .parse_module(&Scope::new_global(), interner)
        .map_err(|e| JsNativeError::syntax().with_message(e.to_string()))?;
    check_guest_code(module.items())?.allow(direct_eval)?;
    Ok(module)
}

/// The Script a REPL input compiles into (see `evaluator::repl`): a strict generator function,
/// async when the input awaits at its top level, whose first statement `prologue` yields the
/// accessors of the input's top-level bindings, followed by `body` on a line of its own, as in
/// [`function_script`] ([`crate::location::Shift::WRAPPED`]). `body` must have been checked
/// as a whole Script ([`script_ast`]) or, for an async one, module ([`await_ast`]).
pub(crate) fn repl_script(prologue: &str, body: &str, is_async: bool) -> String {
    let kind = if is_async {
        "async function*"
    } else {
        "function*"
    };
    format!("'use strict';0,{kind}(){{{prologue}\n{body}\n}}")
}

/// Parses the room's text (a `Function` body) as a function body.
pub(crate) fn function_body_ast(
    room: &Room<'_>,
    interner: &mut Interner,
) -> Result<boa_ast::function::FunctionBody, JsNativeError> {
    Parser::new(Source::from_bytes(room.utf8()?))
        .parse_function_body(interner, false, false)
        .map_err(|e| {
            JsNativeError::syntax().with_message(format!("failed to parse function body: {e}"))
        })
}

/// Parses the room's text as a module with Boa's own parser, for analysis, and checks it as guest
/// code; whether its direct evals are accepted depends on the compartment that instantiates it.
pub(crate) fn module_ast(
    room: &Room<'_>,
    interner: &mut Interner,
) -> Result<(boa_ast::Module, GuestCode), JsNativeError> {
    let mut parser = match room.text {
        Text::Utf16(text) => Parser::new(Source::from_utf16(text)),
        Text::Utf8(_) => {
            return Err(JsNativeError::syntax().with_message("module texts are UTF-16"));
        }
    };
    let module = parser
        .parse_module(&Scope::new_global(), interner)
        .map_err(|e| JsNativeError::syntax().with_message(e.to_string()))?;
    let guest = check_guest_code(module.items())?;
    Ok((module, guest))
}

/// Parses and compiles the room's text as a strict Script; `register` sees its code block before
/// any of it runs (ownership is recorded before code can exist unowned).
pub(crate) fn compile_script(
    room: &Room<'_>,
    path: &std::path::Path,
    context: &mut Context,
    register: impl FnOnce(&Gc<CodeBlock>, &mut Context),
) -> JsResult<Script> {
    // Boa takes a Script's strictness from the context (which otherwise only its own
    // `%Function%`, inert here, reads); every Script of the crate is strict.
    context.strict(true);
    let script = match room.text {
        Text::Utf8(text) => Script::parse(Source::from_bytes(text).with_path(path), None, context),
        Text::Utf16(text) => Script::parse(Source::from_utf16(text).with_path(path), None, context),
    };
    context.strict(false);
    let script = script?;
    let code = script.codeblock(context)?;
    register(&code, context);
    Ok(script)
}

/// Parses the room's text as a module (Boa compiles it when it is linked: see
/// [`with_room_for_any`]). `specifier` becomes the source path of its code, which is how
/// stack frames name it (see `module::ModuleTable::claim`).
pub(crate) fn module(
    room: &Room<'_>,
    specifier: &boa_engine::JsString,
    context: &mut Context,
) -> JsResult<Module> {
    let path = crate::location::path(
        context,
        &specifier.to_std_string_escaped(),
        crate::location::Shift::default(),
    );
    match room.text {
        Text::Utf16(text) => {
            Module::parse(Source::from_utf16(text).with_path(&path), None, context)
        }
        Text::Utf8(text) => Module::parse(Source::from_bytes(text).with_path(&path), None, context),
    }
}
