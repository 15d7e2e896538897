//! `JSON.stringify`: Boa collects each array's members in a list sized by the `length` the
//! array claims (24 bytes per element) before serializing any. This one writes into a single
//! buffer as it goes.

use std::collections::HashSet;

use boa_engine::{
    Context, JsArgs, JsBigInt, JsNativeError, JsObject, JsResult, JsString, JsValue,
    NativeFunction, builtins::object::OrdinaryObject, js_string, object::builtins::JsArray,
    value::IntegerOrInfinity,
};

use super::{
    MAX_STRING_LENGTH, Originals, Text, Ticker, get_v, is_array, length_of, method, too_long,
};
use crate::stack::ensure_native_stack;

pub(super) fn install(context: &mut Context) -> JsResult<()> {
    let json = context.intrinsics().objects().json();
    method(
        &json,
        "stringify",
        3,
        NativeFunction::from_fn_ptr(stringify),
        context,
    );
    Ok(())
}

/// `JSON.stringify(value, replacer, space)`.
fn stringify(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let mut serializer = Serializer::default();
    if let Some(replacer) = args.get_or_undefined(1).as_object() {
        if replacer.is_callable() {
            serializer.replacer = Some(replacer.clone());
        } else if is_array(args.get_or_undefined(1), context)? {
            serializer.property_list = Some(property_list(&replacer, context)?);
        }
    }
    serializer.gap = gap(args.get_or_undefined(2), context)?;
    let wrapper = JsObject::with_object_proto(context.intrinsics());
    wrapper.create_data_property_or_throw(
        js_string!(),
        args.get_or_undefined(0).clone(),
        context,
    )?;
    if serializer.property(&wrapper, js_string!(), context)? {
        Ok(serializer.out.finish().into())
    } else {
        Ok(JsValue::undefined())
    }
}

/// The property names an array replacer lists: strings, numbers and their wrappers, once each.
fn property_list(replacer: &JsObject, context: &mut Context) -> JsResult<Vec<JsString>> {
    let length = length_of(replacer, context)?;
    let (mut list, mut seen) = (Vec::new(), HashSet::new());
    let mut ticker = Ticker::default();
    for k in 0..length {
        ticker.tick(context)?;
        let v = replacer.get(k, context)?;
        let item = if let Some(string) = v.as_string() {
            string
        } else if v.is_number()
            || v.as_object()
                .is_some_and(|object| object.is::<JsString>() || object.is::<f64>())
        {
            v.to_string(context)?
        } else {
            continue;
        };
        if seen.insert(item.clone()) {
            list.push(item);
        }
    }
    Ok(list)
}

/// The indentation `space` asks for: up to ten spaces, or the first ten code units of a string.
fn gap(space: &JsValue, context: &mut Context) -> JsResult<Vec<u16>> {
    let mut space = space.clone();
    if let Some(object) = space.as_object() {
        if object.is::<f64>() {
            space = space.to_number(context)?.into();
        } else if object.is::<JsString>() {
            space = space.to_string(context)?.into();
        }
    }
    if space.is_number() {
        let width = match space.to_integer_or_infinity(context)? {
            IntegerOrInfinity::PositiveInfinity => 10,
            IntegerOrInfinity::Integer(n) => n.clamp(0, 10) as usize,
            IntegerOrInfinity::NegativeInfinity => 0,
        };
        return Ok(vec![u16::from(b' '); width]);
    }
    Ok(space
        .as_string()
        .map(|string| string.iter().take(10).collect())
        .unwrap_or_default())
}

#[derive(Default)]
struct Serializer {
    replacer: Option<JsObject>,
    property_list: Option<Vec<JsString>>,
    gap: Vec<u16>,
    indent: Vec<u16>,
    /// The objects and arrays being serialized, to refuse cycles.
    stack: HashSet<JsObject>,
    out: Text,
    ticker: Ticker,
}

impl Serializer {
    /// `SerializeJSONProperty(state, key, holder)`: writes the value's JSON and returns true,
    /// or writes nothing and returns false where the specification returns `undefined`.
    fn property(
        &mut self,
        holder: &JsObject,
        key: JsString,
        context: &mut Context,
    ) -> JsResult<bool> {
        self.ticker.tick(context)?;
        let mut value = holder.get(key.clone(), context)?;
        if value.is_object() || value.is_bigint() {
            let to_json = get_v(&value, js_string!("toJSON"), context)?;
            if let Some(to_json) = to_json.as_callable() {
                value = to_json.call(&value, &[key.clone().into()], context)?;
            }
        }
        if let Some(replacer) = &self.replacer {
            value = replacer.call(&holder.clone().into(), &[key.into(), value], context)?;
        }
        if let Some(object) = value.as_object() {
            let boolean = object.downcast_ref::<bool>().map(|b| *b);
            let bigint = object.downcast_ref::<JsBigInt>().map(|b| b.clone());
            if object.is::<f64>() {
                value = value.to_number(context)?.into();
            } else if object.is::<JsString>() {
                value = value.to_string(context)?.into();
            } else if let Some(boolean) = boolean {
                value = boolean.into();
            } else if let Some(bigint) = bigint {
                value = bigint.into();
            } else if is_raw_json(&object, context)? {
                return match object.get(js_string!("rawJSON"), context)?.as_string() {
                    Some(raw) => self.out.push(&raw).map(|()| true),
                    None => Ok(false),
                };
            }
        }
        if value.is_null() {
            self.out.push_str("null")?;
        } else if let Some(boolean) = value.as_boolean() {
            self.out.push_str(if boolean { "true" } else { "false" })?;
        } else if let Some(string) = value.as_string() {
            self.quote(&string)?;
        } else if let Some(number) = value.as_number() {
            if number.is_finite() {
                self.out.push(&value.to_string(context)?)?;
            } else {
                self.out.push_str("null")?;
            }
        } else if value.is_bigint() {
            return Err(JsNativeError::typ()
                .with_message("cannot serialize a BigInt to JSON")
                .into());
        } else if let Some(object) = value.as_object().filter(|object| !object.is_callable()) {
            if is_array(&value, context)? {
                self.array(&object, context)?;
            } else {
                self.object(&object, context)?;
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// `SerializeJSONObject(state, value)`.
    fn object(&mut self, value: &JsObject, context: &mut Context) -> JsResult<()> {
        let stepback = self.enter(value)?;
        let keys = match &self.property_list {
            Some(list) => list.clone(),
            None => enumerable_own_keys(value, context)?,
        };
        self.out.push_unit(u16::from(b'{'))?;
        let mut empty = true;
        for key in keys {
            let mark = self.out.len();
            if !empty {
                self.out.push_unit(u16::from(b','))?;
            }
            self.newline()?;
            self.quote(&key)?;
            self.out.push_unit(u16::from(b':'))?;
            if !self.gap.is_empty() {
                self.out.push_unit(u16::from(b' '))?;
            }
            if self.property(value, key, context)? {
                empty = false;
            } else {
                self.out.truncate(mark);
            }
        }
        self.leave(value, stepback, empty, b'}')
    }

    /// `SerializeJSONArray(state, value)`.
    fn array(&mut self, value: &JsObject, context: &mut Context) -> JsResult<()> {
        let stepback = self.enter(value)?;
        let length = length_of(value, context)?;
        // Each element takes at least one code unit and a comma: fail before reading any.
        if length.saturating_mul(2) > MAX_STRING_LENGTH as u64 {
            return Err(too_long());
        }
        self.out.push_unit(u16::from(b'['))?;
        for index in 0..length {
            if index > 0 {
                self.out.push_unit(u16::from(b','))?;
            }
            self.newline()?;
            if !self.property(value, JsString::from(index.to_string()), context)? {
                self.out.push_str("null")?;
            }
        }
        self.leave(value, stepback, length == 0, b']')
    }

    /// Starts an object or array: refuses a cycle and deepens the indentation, returning the
    /// indentation to step back to.
    fn enter(&mut self, value: &JsObject) -> JsResult<usize> {
        ensure_native_stack()?;
        if !self.stack.insert(value.clone()) {
            return Err(JsNativeError::typ()
                .with_message("cyclic object value")
                .into());
        }
        let stepback = self.indent.len();
        self.indent.extend_from_slice(&self.gap);
        Ok(stepback)
    }

    /// Ends an object or array with `close`, on a line of its own when indenting.
    fn leave(&mut self, value: &JsObject, stepback: usize, empty: bool, close: u8) -> JsResult<()> {
        self.indent.truncate(stepback);
        if !empty {
            self.newline()?;
        }
        self.out.push_unit(u16::from(close))?;
        self.stack.remove(value);
        Ok(())
    }

    /// A line break and the current indentation, when indenting.
    fn newline(&mut self) -> JsResult<()> {
        if self.gap.is_empty() {
            return Ok(());
        }
        self.out.push_unit(u16::from(b'\n'))?;
        self.out.push_units(&self.indent)
    }

    /// `QuoteJSONString(value)`.
    fn quote(&mut self, value: &JsString) -> JsResult<()> {
        self.out.push_unit(u16::from(b'"'))?;
        let units: Vec<u16> = value.iter().collect();
        let mut i = 0;
        while i < units.len() {
            let unit = units[i];
            let escape = match unit {
                0x08 => Some("\\b"),
                0x09 => Some("\\t"),
                0x0a => Some("\\n"),
                0x0c => Some("\\f"),
                0x0d => Some("\\r"),
                0x22 => Some("\\\""),
                0x5c => Some("\\\\"),
                _ => None,
            };
            let paired = (0xd800..0xdc00).contains(&unit)
                && units
                    .get(i + 1)
                    .is_some_and(|next| (0xdc00..0xe000).contains(next));
            if let Some(escape) = escape {
                self.out.push_str(escape)?;
            } else if paired {
                self.out.push_unit(unit)?;
                self.out.push_unit(units[i + 1])?;
                i += 1;
            } else if unit < 0x20 || (0xd800..0xe000).contains(&unit) {
                self.out.push_str(&format!("\\u{unit:04x}"))?;
            } else {
                self.out.push_unit(unit)?;
            }
            i += 1;
        }
        self.out.push_unit(u16::from(b'"'))
    }
}

/// `EnumerableOwnProperties(value, key)`, through `Object.keys`'s Rust entry point.
fn enumerable_own_keys(value: &JsObject, context: &mut Context) -> JsResult<Vec<JsString>> {
    let keys = OrdinaryObject::keys(&JsValue::undefined(), &[value.clone().into()], context)?;
    let keys = keys
        .as_object()
        .and_then(|keys| JsArray::from_object(keys).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("Object.keys returned no array"))?;
    let length = keys.length(context)?;
    let mut list = Vec::new();
    for index in 0..length {
        list.push(keys.get(index, context)?.to_string(context)?);
    }
    Ok(list)
}

/// Whether `object` was made by `JSON.rawJSON` (such objects have no prototype, which spares
/// the call for every other object).
fn is_raw_json(object: &JsObject, context: &mut Context) -> JsResult<bool> {
    if object.prototype().is_some() {
        return Ok(false);
    }
    let is_raw_json = Originals::get(context).is_raw_json.clone();
    Ok(is_raw_json
        .call(&JsValue::undefined(), &[object.clone().into()], context)?
        .to_boolean())
}
