//! Workarounds for Boa 0.22 defects that the crate cannot avoid otherwise. Each has a canary
//! test (`tests/boa_canaries.rs`) that fails once Boa fixes the defect, so the workaround can go.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    error::{EngineError, RuntimeLimitError},
    js_string,
    object::FunctionObjectBuilder,
    property::PropertyDescriptor,
};

/// Boa 0.22 leaves the value-stack slots of the frame the host entered when an uncatchable
/// error (a runtime limit) unwinds it: `Vm::handle_error` stops at that frame without
/// truncating the stack, and `JsObject::call` pops the frame without truncating either. The
/// slots can never be reclaimed through Boa's public API, and after a few thousand limit
/// errors every call fails with `RuntimeLimitError::StackSize` (a guest with a large frame
/// needs two). So after each such error the engine raises Boa's value-stack limit by what was
/// left behind: guests keep the headroom they had; the slots (16 bytes each) stay allocated
/// until the engine is dropped.
pub(crate) struct ValueStack {
    /// Boa's value-stack limit before anything was left behind.
    limit: usize,
}

impl ValueStack {
    pub(crate) fn new(context: &Context) -> Self {
        Self {
            limit: context.runtime_limits().stack_size_limit(),
        }
    }

    /// Restores the guests' headroom after an uncatchable error.
    pub(crate) fn restore_headroom(&self, context: &mut Context) {
        let left_behind = length(context);
        context
            .runtime_limits_mut()
            .set_stack_size_limit(self.limit.saturating_add(left_behind));
    }
}

/// The length of Boa's value stack, read through its limit: calling a native function fails
/// with `StackSize` exactly when the length has reached the limit (Boa checks after popping
/// the call's own operands). Only valid where no frame is running (at the API boundary).
pub(crate) fn length(context: &mut Context) -> usize {
    let probe = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::undefined())),
    )
    .build();
    let saved = context.runtime_limits().stack_size_limit();
    let fits = |limit: usize, context: &mut Context| {
        context.runtime_limits_mut().set_stack_size_limit(limit);
        !matches!(
            probe.call(&JsValue::undefined(), &[], context),
            Err(error) if matches!(
                error.as_engine(),
                Some(EngineError::RuntimeLimit(RuntimeLimitError::StackSize))
            )
        )
    };
    // The smallest limit the call fits under is the length plus one.
    let mut high = saved.max(1);
    while !fits(high, context) && high < usize::MAX / 2 {
        high *= 2;
    }
    let mut low = 0;
    while low + 1 < high {
        let middle = low + (high - low) / 2;
        if fits(middle, context) {
            high = middle;
        } else {
            low = middle;
        }
    }
    context.runtime_limits_mut().set_stack_size_limit(saved);
    high - 1
}

/// Boa 0.22's `RegExp.prototype.source` escapes every `/` of the pattern, also those the
/// pattern already escapes (`/a\/b/.source` is `a\\/b`, which as a pattern means `a\` then the
/// end of the literal) and those inside a class. Libraries that build patterns from `source`
/// (marked's autolinks) break. The getter is replaced, at engine build and so before lockdown
/// freezes it, by one that undoes Boa's escaping and escapes as the spec's
/// EscapeRegExpPattern intends. Boa's own getter still does the checks (`this` a RegExp, or
/// `%RegExp.prototype%` giving `(?:)`).
pub(crate) fn repair_regexp_source(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().regexp().prototype();
    let key = js_string!("source");
    let descriptor = prototype
        .borrow()
        .properties()
        .get(&key.clone().into())
        .ok_or_else(|| JsNativeError::typ().with_message("RegExp.prototype.source is missing"))?;
    let original = descriptor
        .get()
        .and_then(JsValue::as_object)
        .ok_or_else(|| {
            JsNativeError::typ().with_message("RegExp.prototype.source has no getter")
        })?;
    let getter = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |this, _, original: &JsObject, context| {
                let escaped = original.call(this, &[], context)?;
                let Some(escaped) = escaped.as_string() else {
                    return Ok(escaped);
                };
                Ok(JsString::from(escape_pattern(&unescape_slashes(&escaped)).as_slice()).into())
            },
            original,
        ),
    )
    .name(js_string!("get source"))
    .build();
    prototype.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .get(getter)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// Boa's output with the `\` it put before every `/` taken away: the pattern as written.
fn unescape_slashes(escaped: &JsString) -> Vec<u16> {
    let units: Vec<u16> = escaped.iter().collect();
    let mut pattern = Vec::with_capacity(units.len());
    for (i, &unit) in units.iter().enumerate() {
        let before_slash = units.get(i + 1) == Some(&u16::from(b'/'));
        if !(unit == u16::from(b'\\') && before_slash) {
            pattern.push(unit);
        }
    }
    pattern
}

/// Escapes a pattern for `source`: a `/` that is neither escaped nor in a class gets a `\`.
/// (Line terminators Boa has already written as escapes.)
fn escape_pattern(pattern: &[u16]) -> Vec<u16> {
    let (slash, backslash) = (u16::from(b'/'), u16::from(b'\\'));
    let mut out = Vec::with_capacity(pattern.len() + 2);
    let (mut in_class, mut escaped) = (false, false);
    for &unit in pattern {
        if escaped {
            escaped = false;
        } else if unit == backslash {
            escaped = true;
        } else if unit == u16::from(b'[') {
            in_class = true;
        } else if unit == u16::from(b']') {
            in_class = false;
        } else if unit == slash && !in_class {
            out.push(backslash);
        }
        out.push(unit);
    }
    out
}
