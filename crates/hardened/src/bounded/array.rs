//! `Array.prototype.join`, `toLocaleString`, `sort` and `toSorted`: Boa reserves room for
//! `length` elements (or characters) up front, and `length` is whatever the receiver claims.

use std::cmp::Ordering;

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string, object::builtins::JsArray,
};

use super::{MAX_STRING_LENGTH, Originals, Text, Ticker, get_v, length_of, method, too_long};
use crate::stack::ensure_native_stack;

pub(super) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().array().prototype();
    method(
        &prototype,
        "join",
        1,
        NativeFunction::from_fn_ptr(join),
        context,
    );
    method(
        &prototype,
        "toLocaleString",
        0,
        NativeFunction::from_fn_ptr(to_locale_string),
        context,
    );
    method(
        &prototype,
        "sort",
        1,
        NativeFunction::from_fn_ptr(sort),
        context,
    );
    method(
        &prototype,
        "toSorted",
        1,
        NativeFunction::from_fn_ptr(to_sorted),
        context,
    );
    Ok(())
}

/// `Array.prototype.join(separator)`.
fn join(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this.to_object(context)?;
    let length = length_of(&object, context)?;
    let separator = match args.get_or_undefined(0) {
        separator if separator.is_undefined() => js_string!(","),
        separator => separator.to_string(context)?,
    };
    separated(&object, length, &separator, context, |element, context| {
        element.to_string(context)
    })
}

/// `Array.prototype.toLocaleString(locales, options)`, with Boa's locale separator.
fn to_locale_string(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this.to_object(context)?;
    let length = length_of(&object, context)?;
    let arguments = [
        args.get_or_undefined(0).clone(),
        args.get_or_undefined(1).clone(),
    ];
    // Boa's own method joining two empty elements yields exactly its separator.
    let pair = JsArray::from_iter([JsValue::null(), JsValue::null()], context);
    let boa = Originals::get(context).to_locale_string.clone();
    let separator = boa.call(&pair.into(), &[], context)?.to_string(context)?;
    separated(&object, length, &separator, context, |element, context| {
        let function = get_v(element, js_string!("toLocaleString"), context)?;
        let function = function.as_callable().ok_or_else(|| {
            JsNativeError::typ().with_message("toLocaleString of an element is not a function")
        })?;
        function
            .call(element, &arguments, context)?
            .to_string(context)
    })
}

/// The elements `0..length` of `object` as strings, `separator` between them, `null` and
/// `undefined` as empty strings: the loop `join` and `toLocaleString` share.
fn separated(
    object: &JsObject,
    length: u64,
    separator: &JsString,
    context: &mut Context,
    mut element_string: impl FnMut(&JsValue, &mut Context) -> JsResult<JsString>,
) -> JsResult<JsValue> {
    // An array that contains itself reaches here again through `toString`.
    ensure_native_stack()?;
    // The separators alone would not fit: fail before reading a single element.
    if length
        .saturating_sub(1)
        .saturating_mul(separator.len() as u64)
        > MAX_STRING_LENGTH as u64
    {
        return Err(too_long());
    }
    let mut text = Text::default();
    let mut ticker = Ticker::default();
    for k in 0..length {
        ticker.tick(context)?;
        if k > 0 {
            text.push(separator)?;
        }
        let element = object.get(k, context)?;
        if !element.is_null_or_undefined() {
            text.push(&element_string(&element, context)?)?;
        }
    }
    Ok(text.finish().into())
}

/// `Array.prototype.sort(comparefn)`.
fn sort(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let compare = comparator(args)?;
    let object = this.to_object(context)?;
    let length = length_of(&object, context)?;
    let items = sort_indexed_properties(&object, length, compare.as_ref(), true, context)?;
    let mut ticker = Ticker::default();
    let count = items.len() as u64;
    for (index, item) in (0u64..).zip(items) {
        ticker.tick(context)?;
        object.set(index, item, true, context)?;
    }
    // The holes `SortIndexedProperties` skipped now sit at the end.
    for index in count..length {
        ticker.tick(context)?;
        object.delete_property_or_throw(index, context)?;
    }
    Ok(object.into())
}

/// `Array.prototype.toSorted(comparefn)`.
fn to_sorted(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let compare = comparator(args)?;
    let object = this.to_object(context)?;
    let length = length_of(&object, context)?;
    // ArrayCreate(len).
    if length > u64::from(u32::MAX) {
        return Err(JsNativeError::range()
            .with_message("Invalid array length")
            .into());
    }
    let sorted = JsArray::new(context)?;
    sorted.set(js_string!("length"), length, true, context)?;
    let items = sort_indexed_properties(&object, length, compare.as_ref(), false, context)?;
    let mut ticker = Ticker::default();
    for (index, item) in (0u64..).zip(items) {
        ticker.tick(context)?;
        sorted.create_data_property_or_throw(index, item, context)?;
    }
    Ok(sorted.into())
}

/// The comparison function argument: `undefined` or callable.
fn comparator(args: &[JsValue]) -> JsResult<Option<JsObject>> {
    match args.get_or_undefined(0) {
        compare if compare.is_undefined() => Ok(None),
        compare => compare.as_callable().map(Some).ok_or_else(|| {
            JsNativeError::typ()
                .with_message("The comparison function must be either a function or undefined")
                .into()
        }),
    }
}

/// `SortIndexedProperties(object, length, SortCompare, holes)`: the elements read in index
/// order (skipping holes when asked), then sorted stably.
fn sort_indexed_properties(
    object: &JsObject,
    length: u64,
    compare: Option<&JsObject>,
    skip_holes: bool,
    context: &mut Context,
) -> JsResult<Vec<JsValue>> {
    let mut items = Vec::new();
    let mut ticker = Ticker::default();
    for k in 0..length {
        ticker.tick(context)?;
        if skip_holes && !object.has_property(k, context)? {
            continue;
        }
        items.push(object.get(k, context)?);
    }
    merge_sort(items, context, |x, y, context| {
        ticker.tick(context)?;
        sort_compare(x, y, compare, context)
    })
}

/// `SortCompare`: `undefined` last, then the comparison function or code-unit order.
fn sort_compare(
    x: &JsValue,
    y: &JsValue,
    compare: Option<&JsObject>,
    context: &mut Context,
) -> JsResult<Ordering> {
    match (x.is_undefined(), y.is_undefined()) {
        (true, true) => return Ok(Ordering::Equal),
        (true, false) => return Ok(Ordering::Greater),
        (false, true) => return Ok(Ordering::Less),
        (false, false) => {}
    }
    if let Some(compare) = compare {
        let v = compare
            .call(&JsValue::undefined(), &[x.clone(), y.clone()], context)?
            .to_number(context)?;
        // NaN compares equal.
        return Ok(v.partial_cmp(&0.0).unwrap_or(Ordering::Equal));
    }
    let (x, y) = (x.to_string(context)?, y.to_string(context)?);
    Ok(x.iter().cmp(y.iter()))
}

/// A stable bottom-up merge sort whose comparison may fail (the first failure ends the sort)
/// and may be inconsistent (the result is then some permutation, never a panic).
fn merge_sort(
    items: Vec<JsValue>,
    context: &mut Context,
    mut compare: impl FnMut(&JsValue, &JsValue, &mut Context) -> JsResult<Ordering>,
) -> JsResult<Vec<JsValue>> {
    let n = items.len();
    let mut source = items;
    let mut merged = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        merged.clear();
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                if compare(&source[j], &source[i], context)? == Ordering::Less {
                    merged.push(source[j].clone());
                    j += 1;
                } else {
                    merged.push(source[i].clone());
                    i += 1;
                }
            }
            merged.extend_from_slice(&source[i..middle]);
            merged.extend_from_slice(&source[j..end]);
        }
        std::mem::swap(&mut source, &mut merged);
        width *= 2;
    }
    Ok(source)
}
