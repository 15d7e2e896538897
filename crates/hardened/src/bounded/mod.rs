//! Builtins whose Boa 0.22 implementations reserve memory for a guest-chosen length before
//! doing any work, replaced when the engine is built.
//!
//! `'x'.repeat(2 ** 31)` asks Boa for 48 GiB at once, `Array.prototype.join.call({length:
//! 2 ** 45})` for 512 TiB; the allocation fails and stable Rust aborts the process (there is no
//! stable way to make an allocation failure unwind). The replacements follow the specification
//! step by step but grow their buffers as they go, refuse results longer than
//! [`MAX_STRING_LENGTH`] or lists longer than [`MAX_LIST_LENGTH`] with a `RangeError`,
//! and check the engine's timeout while they loop, so a long native loop is bounded by
//! `Limits::timeout` too.

mod apply;
mod array;
mod json;
mod proxy;
pub(crate) mod reentry;
mod string;

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string,
};

use crate::commons::{define_builtin, native};

/// The longest string the replacements build: V8's limit, so that programs that fit in Node
/// fit here and the same ones fail.
pub(crate) const MAX_STRING_LENGTH: usize = (1 << 29) - 24;

/// The longest list made from an array-like: the arguments `apply`, `Reflect.apply` and
/// `Reflect.construct` pass on, the keys a proxy's `ownKeys` trap reports.
pub(crate) const MAX_LIST_LENGTH: u64 = 1 << 24;

/// How many iterations a replacement runs between checks of the engine's timeout.
const CHECK_EVERY: u64 = 1 << 12;

/// Installs the replacements on the realm's intrinsics.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let originals = Originals::capture(context)?;
    context.insert_data(originals);
    string::install(context)?;
    array::install(context)?;
    apply::install(context)?;
    proxy::install(context)?;
    json::install(context)
}

/// Intrinsics the replacements call, captured before any guest code could replace them.
struct Originals {
    is_array: JsObject,
    is_raw_json: JsObject,
    reflect_get: JsObject,
    to_locale_string: JsObject,
}

impl Originals {
    fn capture(context: &mut Context) -> JsResult<Self> {
        let intrinsics = context.intrinsics();
        let array = intrinsics.constructors().array();
        let (array, array_prototype) = (array.constructor(), array.prototype());
        let (json, reflect) = (intrinsics.objects().json(), intrinsics.objects().reflect());
        let get = |holder: &JsObject, name: &str, context: &mut Context| -> JsResult<JsObject> {
            holder
                .get(JsString::from(name), context)?
                .as_object()
                .ok_or_else(|| JsNativeError::typ().with_message(format!("no intrinsic {name}")))
                .map_err(JsError::from)
        };
        Ok(Self {
            is_array: get(&array, "isArray", context)?,
            is_raw_json: get(&json, "isRawJSON", context)?,
            reflect_get: get(&reflect, "get", context)?,
            to_locale_string: get(&array_prototype, "toLocaleString", context)?,
        })
    }

    fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("bounded::install ran when the engine was built")
    }
}

/// Replaces `holder[name]` with a native method.
fn method(
    holder: &JsObject,
    name: &str,
    length: usize,
    function: NativeFunction,
    context: &Context,
) {
    define_builtin(holder, name, native(context, name, length, function));
}

/// What a list read by [`list_from_array_like`] is for.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ListOf {
    /// Call arguments: any values.
    Arguments,
    /// A proxy's own keys: strings and symbols.
    Keys,
    /// A host's conversion to a Rust list (`crate::convert`): any values.
    Conversion,
}

/// `CreateListFromArrayLike(value)`, handing each element to `each` as it is read: refuses
/// more than [`MAX_LIST_LENGTH`] elements before reading any, and reserves nothing for the
/// claimed length.
pub(crate) fn list_from_array_like(
    value: &JsValue,
    of: ListOf,
    context: &mut Context,
    mut each: impl FnMut(JsValue, &mut Context) -> JsResult<()>,
) -> JsResult<()> {
    let what = match of {
        ListOf::Arguments => "arguments list",
        ListOf::Keys => "proxy ownKeys result",
        ListOf::Conversion => "list to convert",
    };
    let object = value.as_object().ok_or_else(|| {
        JsNativeError::typ().with_message(format!("the {what} must be an object"))
    })?;
    let length = length_of(&object, context)?;
    if length > MAX_LIST_LENGTH {
        return Err(JsNativeError::range()
            .with_message(format!(
                "the {what} has {length} elements (at most {MAX_LIST_LENGTH})"
            ))
            .into());
    }
    let mut ticker = Ticker::default();
    for index in 0..length {
        ticker.tick(context)?;
        let element = object.get(index, context)?;
        if of == ListOf::Keys && !(element.is_string() || element.is_symbol()) {
            return Err(JsNativeError::typ()
                .with_message(format!("the {what} may hold only strings and symbols"))
                .into());
        }
        each(element, context)?;
    }
    Ok(())
}

/// [`list_from_array_like`] into a list of values.
fn values_from_array_like(
    value: &JsValue,
    of: ListOf,
    context: &mut Context,
) -> JsResult<Vec<JsValue>> {
    let mut list = Vec::new();
    list_from_array_like(value, of, context, |element, _| {
        list.push(element);
        Ok(())
    })?;
    Ok(list)
}

/// The `RangeError` for a result longer than [`MAX_STRING_LENGTH`].
pub(crate) fn too_long() -> JsError {
    JsNativeError::range()
        .with_message(format!(
            "Invalid string length: the result would exceed {MAX_STRING_LENGTH} code units"
        ))
        .into()
}

/// A string under construction that refuses to grow past [`MAX_STRING_LENGTH`].
#[derive(Default)]
struct Text(Vec<u16>);

impl Text {
    fn push(&mut self, part: &JsString) -> JsResult<()> {
        self.ensure_room(part.len())?;
        self.0.extend(part.iter());
        Ok(())
    }

    fn push_str(&mut self, part: &str) -> JsResult<()> {
        self.ensure_room(part.len())?;
        self.0.extend(part.encode_utf16());
        Ok(())
    }

    fn push_units(&mut self, units: &[u16]) -> JsResult<()> {
        self.ensure_room(units.len())?;
        self.0.extend_from_slice(units);
        Ok(())
    }

    fn push_unit(&mut self, unit: u16) -> JsResult<()> {
        self.ensure_room(1)?;
        self.0.push(unit);
        Ok(())
    }

    /// Fails if `more` code units would not fit.
    fn ensure_room(&self, more: usize) -> JsResult<()> {
        if self.0.len() + more > MAX_STRING_LENGTH {
            return Err(too_long());
        }
        Ok(())
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }

    fn finish(self) -> JsString {
        JsString::from(self.0.as_slice())
    }
}

/// Counts the iterations of a native loop and checks the engine's timeout every
/// [`CHECK_EVERY`] of them.
#[derive(Default)]
struct Ticker(u64);

impl Ticker {
    fn tick(&mut self, context: &Context) -> JsResult<()> {
        self.0 += 1;
        if self.0.is_multiple_of(CHECK_EVERY) {
            crate::limits::Watch::get(context).check()?;
        }
        Ok(())
    }
}

/// `LengthOfArrayLike(object)`.
fn length_of(object: &JsObject, context: &mut Context) -> JsResult<u64> {
    object
        .get(js_string!("length"), context)?
        .to_length(context)
}

/// `IsArray(value)`, which looks through proxies.
fn is_array(value: &JsValue, context: &mut Context) -> JsResult<bool> {
    let is_array = Originals::get(context).is_array.clone();
    Ok(is_array
        .call(&JsValue::undefined(), std::slice::from_ref(value), context)?
        .to_boolean())
}

/// `GetV(value, key)`: a primitive's property is read with the primitive as the receiver.
fn get_v(value: &JsValue, key: JsString, context: &mut Context) -> JsResult<JsValue> {
    if let Some(object) = value.as_object() {
        return object.get(key, context);
    }
    let wrapper = value.to_object(context)?;
    let reflect_get = Originals::get(context).reflect_get.clone();
    reflect_get.call(
        &JsValue::undefined(),
        &[wrapper.into(), key.into(), value.clone()],
        context,
    )
}
