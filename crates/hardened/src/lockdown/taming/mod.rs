//! The tamings lockdown applies before enforcing the permits, one module each.

pub(super) mod date;
pub(super) mod error;
pub(super) mod functions;
pub(super) mod locale;
pub(super) mod math;
pub(super) mod nan;
pub(super) mod regenerator;
pub(super) mod symbol;
pub(super) mod temporal;

use crate::commons::native;
use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, NativeFunction,
    property::{PropertyDescriptor, PropertyKey},
};

/// A native function that always throws `TypeError(message)`.
fn thrower(context: &Context, name: &str, length: usize, message: &'static str) -> JsObject {
    native(
        context,
        name,
        length,
        NativeFunction::from_copy_closure(move |_, _, _| {
            Err(JsNativeError::typ().with_message(message).into())
        }),
    )
}

/// Replaces the value of an existing data property, keeping its attributes.
fn replace_value(
    object: &JsObject,
    key: impl Into<PropertyKey>,
    value: JsObject,
    context: &mut Context,
) -> JsResult<()> {
    let key = key.into();
    let descriptor = object.borrow().properties().get(&key);
    let (writable, enumerable, configurable) = descriptor.map_or((true, false, true), |d| {
        (
            d.writable().unwrap_or(true),
            d.enumerable().unwrap_or(false),
            d.configurable().unwrap_or(true),
        )
    });
    object.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .value(value)
            .writable(writable)
            .enumerable(enumerable)
            .configurable(configurable),
        context,
    )?;
    Ok(())
}

/// Defines a non-enumerable, configurable accessor (how lockdown installs its accessors).
fn define_accessor(
    holder: &JsObject,
    key: impl Into<PropertyKey>,
    getter: JsObject,
    setter: JsObject,
    context: &mut Context,
) -> JsResult<()> {
    holder.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .get(getter)
            .set(setter)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// Gives `receiver` an own ordinary data property: what an assignment would have made had the
/// inherited property not been frozen (the override setters' fallback).
pub(crate) fn define_own_data(
    receiver: &JsObject,
    key: impl Into<PropertyKey>,
    value: boa_engine::JsValue,
    context: &mut Context,
) -> JsResult<()> {
    receiver.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// A fresh ordinary object with `source`'s own properties except `omit`.
fn copy_without(source: &JsObject, omit: &str, context: &mut Context) -> JsResult<JsObject> {
    let copy = JsObject::with_object_proto(context.intrinsics());
    let omit = PropertyKey::from(JsString::from(omit));
    for key in source.own_property_keys(context)? {
        if key == omit {
            continue;
        }
        if let Some(descriptor) = source.borrow().properties().get(&key) {
            copy.insert_property(key, descriptor);
        }
    }
    Ok(copy)
}
