//! `lockdown()` options: every option of `ses` 2.3.0, typed.
//!
//! Unlike the shim, which silently fails open on unknown values (`evalTaming: 'bogus'` keeps the
//! original `eval`), every option name and value is validated and a wrong one is a `TypeError`
//! naming it. Options that only make sense on Node, V8 or the web (`errorTrapping`,
//! `stackFiltering`, `domainTaming`, `consoleTaming`), and `regExpTaming` (which changes
//! nothing under SES's permits either: `RegExp.prototype.compile` is removed quietly under both
//! values), are validated and ignored: they are not fields of the typed [`LockdownOptions`].

use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue, property::PropertyKey};

/// Declares an option whose value is one of a few strings.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal $(| $alias:literal)*,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* #[doc = concat!("`'", $text, "'`")] $variant,)+
        }
        impl $name {
            const NAMES: &'static [&'static str] = &[$($text,)+];
            fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text $(| $alias)* => Some(Self::$variant),)+
                    _ => None,
                }
            }
            /// The option value as `lockdown()` spells it.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)+ }
            }
        }
    };
}

choice! {
    /// `errorTaming`: what `error.stack` shows.
    ErrorTaming {
        /// `stack` is `"Name: message"`: no frames, no host paths.
        #[default]
        Safe = "safe",
        /// `stack` is Boa's stack trace.
        Unsafe = "unsafe",
        /// Same as `unsafe` on Boa (there is no V8 stack API to expose).
        UnsafeDebug = "unsafe-debug",
    }
}

choice! {
    /// `reporting`: where lockdown's warnings go. They are always returned to the Rust caller in
    /// the [`LockdownReport`](crate::LockdownReport); `platform` and `console` also pass them,
    /// as they happen, to the host's warning sink
    /// ([`EngineBuilder::on_warning`](crate::EngineBuilder::on_warning)), if it set one. The
    /// library itself writes nothing to stderr.
    Reporting {
        #[default]
        Platform = "platform",
        Console = "console",
        None = "none",
    }
}

choice! {
    /// `unhandledRejectionTrapping`: `report` keeps the promises rejected without a handler for
    /// the host ([`Engine::take_unhandled_rejections`](crate::Engine::take_unhandled_rejections);
    /// `compartment-run` prints them and exits 1, as node does); `none` stops keeping them.
    UnhandledRejectionTrapping {
        #[default]
        Report = "report",
        None = "none",
    }
}

choice! {
    /// A `'safe' | 'unsafe'` option.
    Taming {
        #[default]
        Safe = "safe",
        Unsafe = "unsafe",
    }
}

choice! {
    /// `overrideTaming`: which data properties of intrinsics become override-enabling
    /// accessors (see `enablements.rs`).
    OverrideTaming {
        Min = "min",
        #[default]
        Moderate = "moderate",
        Severe = "severe",
    }
}

choice! {
    /// `evalTaming`: the start compartment's `eval` and `Function` (compartments always get safe
    /// ones).
    EvalTaming {
        /// Confined evaluators (the start compartment's own, as before lockdown).
        #[default]
        SafeEval = "safe-eval" | "safeEval",
        /// The start compartment's `eval` is the realm's original: `eval(src)` there is a real
        /// direct eval that sees local variables, and `(0, eval)(src)` runs sloppy code in the
        /// realm's global scope (which forwards to the start compartment's globals). Code of
        /// other compartments cannot compile with it, even when handed it.
        UnsafeEval = "unsafe-eval" | "unsafeEval",
        /// `eval` and `Function` throw.
        NoEval = "no-eval" | "noEval",
    }
}

choice! {
    /// `legacyRegeneratorRuntimeTaming`.
    RegeneratorTaming {
        #[default]
        Safe = "safe",
        /// `%IteratorPrototype%[@@iterator]` becomes an accessor that ignores assignments to
        /// `%IteratorPrototype%` itself (for regenerator-runtime 0.10.5–0.13.7).
        UnsafeIgnore = "unsafe-ignore",
    }
}

/// Every option name `lockdown()` accepts.
const OPTION_NAMES: &[&str] = &[
    "errorTaming",
    "errorTrapping",
    "reporting",
    "unhandledRejectionTrapping",
    "regExpTaming",
    "localeTaming",
    "consoleTaming",
    "overrideTaming",
    "overrideDebug",
    "stackFiltering",
    "domainTaming",
    "evalTaming",
    "legacyRegeneratorRuntimeTaming",
    "__hardenTaming__",
    "dateTaming",
    "mathTaming",
];

/// The options of `lockdown()` (SES 2.3.0 names in the comments).
///
/// ```
/// use hardened::{LockdownOptions, lockdown::OverrideTaming};
///
/// let options = LockdownOptions { override_taming: OverrideTaming::Severe, ..LockdownOptions::default() };
/// assert_eq!(options.override_taming.as_str(), "severe");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockdownOptions {
    /// `errorTaming`
    pub error_taming: ErrorTaming,
    /// `reporting`
    pub reporting: Reporting,
    /// `unhandledRejectionTrapping`
    pub unhandled_rejection_trapping: UnhandledRejectionTrapping,
    /// `localeTaming`
    pub locale_taming: Taming,
    /// `overrideTaming`
    pub override_taming: OverrideTaming,
    /// `overrideDebug`: property names whose override setter also reports who overrides.
    pub override_debug: Vec<String>,
    /// `evalTaming`
    pub eval_taming: EvalTaming,
    /// `legacyRegeneratorRuntimeTaming`
    pub legacy_regenerator_runtime_taming: RegeneratorTaming,
    /// `__hardenTaming__`: `unsafe` makes `harden` a no-op that claims success and leaves the
    /// intrinsics mutable, exactly as SES documents (never use it with untrusted code).
    pub harden_taming: Taming,
    /// Deprecated options that were given (`dateTaming`, `mathTaming`): each earns a warning.
    pub deprecated: Vec<String>,
}

impl LockdownOptions {
    /// Reads `lockdown(options)`'s argument, rejecting unknown names and values.
    pub(crate) fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self> {
        let mut options = Self::default();
        let Some(object) = value.as_object() else {
            if value.is_undefined() {
                return Ok(options);
            }
            return Err(type_error("lockdown(): options must be an object".into()));
        };
        // As in SES: unknown names are looked for among own keys, known options are read
        // with `[[Get]]` (so inherited ones count).
        for key in object.own_property_keys(context)? {
            let PropertyKey::String(name) = &key else {
                return Err(type_error(
                    "lockdown(): symbol-keyed options are not supported".into(),
                ));
            };
            let name = name.to_std_string_escaped();
            if !OPTION_NAMES.contains(&name.as_str()) {
                return Err(type_error(format!("lockdown(): unknown option '{name}'")));
            }
        }
        for name in OPTION_NAMES {
            let key = boa_engine::JsString::from(*name);
            if object.has_property(key.clone(), context)? {
                let value = object.get(key, context)?;
                if *name == "overrideDebug" {
                    options.override_debug = string_list(name, &value, context)?;
                } else {
                    options.set(name, &value)?;
                }
            }
        }
        Ok(options)
    }

    /// Sets option `name` (any but `overrideDebug`, a list) from its value.
    fn set(&mut self, name: &str, value: &JsValue) -> JsResult<()> {
        fn pick<T>(
            name: &str,
            value: &JsValue,
            parse: impl Fn(&str) -> Option<T>,
            names: &[&str],
        ) -> JsResult<T> {
            value
                .as_string()
                .and_then(|text| parse(&text.to_std_string_escaped()))
                .ok_or_else(|| {
                    type_error(format!(
                        "lockdown(): option {name} must be one of {}, got {}",
                        names
                            .iter()
                            .map(|n| format!("'{n}'"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        describe(value)
                    ))
                })
        }
        match name {
            "errorTaming" => {
                self.error_taming = pick(name, value, ErrorTaming::parse, ErrorTaming::NAMES)?
            }
            // Platform hooks of Node, V8 and the web, and `regExpTaming` (SES's permits remove
            // `RegExp.prototype.compile` quietly under both values, and so do ours): validated,
            // then ignored.
            "errorTrapping" | "stackFiltering" | "domainTaming" | "consoleTaming"
            | "regExpTaming" => {
                let names = match name {
                    "errorTrapping" => &["platform", "exit", "abort", "report", "none"][..],
                    "stackFiltering" => &["concise", "omit-frames", "shorten-paths", "verbose"],
                    _ => Taming::NAMES,
                };
                pick(
                    name,
                    value,
                    |text| names.contains(&text).then_some(()),
                    names,
                )?;
            }
            "reporting" => self.reporting = pick(name, value, Reporting::parse, Reporting::NAMES)?,
            "unhandledRejectionTrapping" => {
                self.unhandled_rejection_trapping = pick(
                    name,
                    value,
                    UnhandledRejectionTrapping::parse,
                    UnhandledRejectionTrapping::NAMES,
                )?;
            }
            "localeTaming" => self.locale_taming = pick(name, value, Taming::parse, Taming::NAMES)?,
            "overrideTaming" => {
                self.override_taming =
                    pick(name, value, OverrideTaming::parse, OverrideTaming::NAMES)?
            }
            "evalTaming" => {
                self.eval_taming = pick(name, value, EvalTaming::parse, EvalTaming::NAMES)?
            }
            "legacyRegeneratorRuntimeTaming" => {
                self.legacy_regenerator_runtime_taming = pick(
                    name,
                    value,
                    RegeneratorTaming::parse,
                    RegeneratorTaming::NAMES,
                )?;
            }
            "__hardenTaming__" => {
                self.harden_taming = pick(name, value, Taming::parse, Taming::NAMES)?
            }
            "dateTaming" | "mathTaming" => self.deprecated.push(name.to_owned()),
            _ => return Err(type_error(format!("lockdown(): unknown option '{name}'"))),
        }
        Ok(())
    }

    /// The option given by name and string value, as from JavaScript (for `--lockdown-option`);
    /// `overrideDebug` takes a comma-separated list. No engine is needed.
    ///
    /// ```
    /// use hardened::LockdownOptions;
    ///
    /// let mut options = LockdownOptions::default();
    /// options.set_option("errorTaming", "unsafe")?;
    /// options.set_option("overrideDebug", "constructor,toString")?;
    /// assert_eq!(options.override_debug, ["constructor", "toString"]);
    /// assert!(options.set_option("errorTaming", "loud").is_err());
    /// # Ok::<(), String>(())
    /// ```
    ///
    /// # Errors
    /// A message naming the unknown option or value.
    pub fn set_option(&mut self, name: &str, value: &str) -> Result<(), String> {
        if name == "overrideDebug" {
            self.override_debug = value
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            return Ok(());
        }
        self.set(name, &JsValue::from(boa_engine::JsString::from(value)))
            .map_err(|e| {
                e.as_native()
                    .map_or_else(|| e.to_string(), |native| native.message().to_owned())
            })
    }
}

fn string_list(name: &str, value: &JsValue, context: &mut Context) -> JsResult<Vec<String>> {
    let Some(list) = value.as_object().filter(JsObject::is_array) else {
        return Err(type_error(format!(
            "lockdown(): option {name} must be an array of strings"
        )));
    };
    let length = list
        .get(boa_engine::js_string!("length"), context)?
        .to_length(context)?;
    let mut names = Vec::new();
    for index in 0..length {
        match list.get(index, context)?.as_string() {
            Some(text) => names.push(text.to_std_string_escaped()),
            None => {
                return Err(type_error(format!(
                    "lockdown(): option {name} must be an array of strings"
                )));
            }
        }
    }
    Ok(names)
}

fn describe(value: &JsValue) -> String {
    match value.as_string() {
        Some(text) => format!("'{}'", text.to_std_string_escaped()),
        None => value.type_of().to_string(),
    }
}

fn type_error(message: String) -> boa_engine::JsError {
    JsNativeError::typ().with_message(message).into()
}
