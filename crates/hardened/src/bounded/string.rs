//! `String.prototype.repeat`, `padStart` and `padEnd`: Boa reserves one slot per repetition
//! (24 bytes each) or the whole padding before checking anything against memory.

use boa_engine::{
    Context, JsArgs, JsNativeError, JsResult, JsString, JsValue, NativeFunction, js_string,
    value::IntegerOrInfinity,
};

use super::{MAX_STRING_LENGTH, method, too_long};

pub(super) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().string().prototype();
    method(
        &prototype,
        "repeat",
        1,
        NativeFunction::from_fn_ptr(repeat),
        context,
    );
    method(
        &prototype,
        "padStart",
        1,
        NativeFunction::from_fn_ptr(pad_start),
        context,
    );
    method(
        &prototype,
        "padEnd",
        1,
        NativeFunction::from_fn_ptr(pad_end),
        context,
    );
    Ok(())
}

/// `String.prototype.repeat(count)`.
fn repeat(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let string = this_string(this, "repeat", context)?;
    let count = match args.get_or_undefined(0).to_integer_or_infinity(context)? {
        IntegerOrInfinity::Integer(n) if n >= 0 => n as u64,
        _ => {
            return Err(JsNativeError::range()
                .with_message("repeat count must be a non-negative finite number")
                .into());
        }
    };
    if count == 0 || string.is_empty() {
        return Ok(js_string!().into());
    }
    let total = (string.len() as u64)
        .checked_mul(count)
        .filter(|&total| total <= MAX_STRING_LENGTH as u64)
        .ok_or_else(too_long)?;
    Ok(JsString::from(cycle(&string, total as usize).as_slice()).into())
}

/// `String.prototype.padStart(maxLength, fillString)`.
fn pad_start(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    pad(this, args, Placement::Start, context)
}

/// `String.prototype.padEnd(maxLength, fillString)`.
fn pad_end(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    pad(this, args, Placement::End, context)
}

#[derive(Clone, Copy, PartialEq)]
enum Placement {
    Start,
    End,
}

/// `StringPaddingBuiltinsImpl` and `StringPad`.
fn pad(
    this: &JsValue,
    args: &[JsValue],
    placement: Placement,
    context: &mut Context,
) -> JsResult<JsValue> {
    let name = match placement {
        Placement::Start => "padStart",
        Placement::End => "padEnd",
    };
    let string = this_string(this, name, context)?;
    let max_length = args.get_or_undefined(0).to_length(context)?;
    if max_length <= string.len() as u64 {
        return Ok(string.into());
    }
    let filler = match args.get_or_undefined(1) {
        fill if fill.is_undefined() => js_string!(" "),
        fill => fill.to_string(context)?,
    };
    if filler.is_empty() {
        return Ok(string.into());
    }
    if max_length > MAX_STRING_LENGTH as u64 {
        return Err(too_long());
    }
    let fill = cycle(&filler, max_length as usize - string.len());
    let mut units = Vec::with_capacity(max_length as usize);
    match placement {
        Placement::Start => {
            units.extend_from_slice(&fill);
            units.extend(string.iter());
        }
        Placement::End => {
            units.extend(string.iter());
            units.extend_from_slice(&fill);
        }
    }
    Ok(JsString::from(units.as_slice()).into())
}

/// `part` repeated to exactly `total` code units (at most [`MAX_STRING_LENGTH`]), by doubling:
/// about log2(total / part.len()) copies.
fn cycle(part: &JsString, total: usize) -> Vec<u16> {
    let mut units: Vec<u16> = Vec::with_capacity(total);
    units.extend(part.iter().take(total));
    while units.len() < total {
        let more = units.len().min(total - units.len());
        units.extend_from_within(..more);
    }
    units
}

/// `RequireObjectCoercible(this)` then `ToString`, as the `String.prototype` methods begin.
fn this_string(this: &JsValue, method: &str, context: &mut Context) -> JsResult<JsString> {
    if this.is_null_or_undefined() {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "String.prototype.{method} called on null or undefined"
            ))
            .into());
    }
    this.to_string(context)
}
