//! `RegExp.prototype.source` escaping.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string,
    object::FunctionObjectBuilder, property::PropertyDescriptor,
};

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
