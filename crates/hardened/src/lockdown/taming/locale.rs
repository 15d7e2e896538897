//! `localeTaming: 'safe'`: locale-dependent methods give locale-independent results (the host's
//! locale is ambient information). Every `xLocaleY` method of an intrinsic becomes that
//! intrinsic's `xY` method (`toLocaleString` → `toString`, `toLocaleUpperCase` →
//! `toUpperCase`), except that for `BigInt` and `Temporal`, whose `xY` would read the locale as
//! a radix or options, it is a method that calls `xY` without arguments;
//! `String.prototype.localeCompare` compares code units, and
//! `Number.prototype.toLocaleString` returns `String(number)`.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string,
    property::PropertyKey,
};

use super::replace_value;
use crate::commons::native;
use crate::lockdown::Intrinsics;

pub(crate) fn tame(intrinsics: &Intrinsics, context: &mut Context) -> JsResult<()> {
    let holders: Vec<_> = intrinsics
        .objects()
        .map(|(name, object)| (name, object.clone()))
        .collect();
    for (holder_name, holder) in holders {
        for key in holder.own_property_keys(context)? {
            let PropertyKey::String(name) = &key else {
                continue;
            };
            // Most keys do not mention "Locale": check the code units before making a string.
            const LOCALE: [u16; 6] = [76, 111, 99, 97, 108, 101];
            let units: Vec<u16> = name.iter().collect();
            if !units.windows(LOCALE.len()).any(|w| w == LOCALE) {
                continue;
            }
            let Some(plain) = non_locale_name(&name.to_std_string_escaped()) else {
                continue;
            };
            let replacement = holder
                .borrow()
                .properties()
                .get(&JsString::from(plain.as_str()).into())
                .and_then(|d| d.value().and_then(JsValue::as_object))
                .filter(|f| f.is_callable());
            let Some(plain) = replacement else { continue };
            // As in SES the plain method itself, except where it would read the locale as an
            // argument of its own (a radix for `BigInt`, options for `Temporal`): there a
            // method that calls it without arguments.
            if !reads_arguments(holder_name) {
                replace_value(&holder, key.clone(), plain, context)?;
                continue;
            }
            {
                let tamed = native(
                    context,
                    &name.to_std_string_escaped(),
                    0,
                    NativeFunction::from_copy_closure_with_captures(
                        |this, _, plain: &JsObject, context| plain.call(this, &[], context),
                        plain,
                    ),
                );
                replace_value(&holder, key.clone(), tamed, context)?;
            }
        }
    }
    let string_prototype = intrinsics.expect("%StringPrototype%")?;
    let compare = native(
        context,
        "localeCompare",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            if this.is_null_or_undefined() {
                return Err(JsNativeError::typ()
                    .with_message("String.prototype.localeCompare called on null or undefined")
                    .into());
            }
            let this = this.to_string(context)?;
            let that = args
                .first()
                .cloned()
                .unwrap_or_default()
                .to_string(context)?;
            Ok(JsValue::from(match this.iter().cmp(that.iter()) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }))
        }),
    );
    replace_value(
        &string_prototype,
        js_string!("localeCompare"),
        compare,
        context,
    )?;
    let number_prototype = intrinsics.expect("%NumberPrototype%")?;
    // `thisNumberValue` is the original `valueOf`'s own check.
    let value_of = number_prototype.get(js_string!("valueOf"), context)?;
    let to_string = native(
        context,
        "toLocaleString",
        0,
        NativeFunction::from_copy_closure_with_captures(
            |this, _, value_of: &JsValue, context| {
                let Some(value_of) = value_of.as_callable() else {
                    return Err(JsNativeError::typ()
                        .with_message("Number.prototype.valueOf is missing")
                        .into());
                };
                Ok(value_of
                    .call(this, &[], context)?
                    .to_string(context)?
                    .into())
            },
            value_of,
        ),
    );
    replace_value(
        &number_prototype,
        js_string!("toLocaleString"),
        to_string,
        context,
    )?;
    Ok(())
}

/// Whether the plain methods of intrinsic `name` give their arguments a meaning a locale
/// argument would be mistaken for.
fn reads_arguments(name: &str) -> bool {
    name == "%BigIntPrototype%" || name.starts_with("%Temporal.")
}

/// `toLocaleDateString` → `toDateString`: the SES pattern `^(\w*[a-z])Locale([A-Z]\w*)$`.
fn non_locale_name(name: &str) -> Option<String> {
    let at = name.find("Locale")?;
    let (before, after) = (&name[..at], &name[at + "Locale".len()..]);
    let word = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (before.ends_with(|c: char| c.is_ascii_lowercase())
        && after.starts_with(|c: char| c.is_ascii_uppercase())
        && word(before)
        && word(after))
    .then(|| format!("{before}{after}"))
}
