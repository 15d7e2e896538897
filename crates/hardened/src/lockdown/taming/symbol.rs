//! `%SharedSymbol%`: compartments get a copy of `Symbol`, as in SES, and the start compartment
//! keeps the original without passing it through the permits. A shim that gave the original a
//! non-configurable property (a `Symbol.observable` polyfill) would otherwise make `lockdown()`
//! fail to remove it; the copy's properties are configurable, so the permit walk removes what
//! it does not know, and compartments see only permitted ones. `Symbol.prototype.constructor`
//! becomes the copy.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    object::FunctionObjectBuilder, property::PropertyDescriptor,
};

use super::replace_value;
use crate::lockdown::Intrinsics;

pub(crate) fn tame(intrinsics: &mut Intrinsics, context: &mut Context) -> JsResult<()> {
    let initial = intrinsics.expect("Symbol")?;
    let shared: JsObject = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |new_target, args, initial: &JsObject, context| {
                if !new_target.is_undefined() {
                    return Err(JsNativeError::typ()
                        .with_message("Symbol is not a constructor")
                        .into());
                }
                initial.call(&JsValue::undefined(), args, context)
            },
            initial.clone(),
        ),
    )
    .name(js_string!("Symbol"))
    .length(0)
    .constructor(true)
    .build()
    .into();
    for key in initial.own_property_keys(context)? {
        if shared.borrow().properties().get(&key).is_some() {
            // `length` and `name` are the copy's own.
            continue;
        }
        let Some(descriptor) = initial.borrow().properties().get(&key) else {
            continue;
        };
        let mut copy = PropertyDescriptor::builder().configurable(true);
        if let Some(enumerable) = descriptor.enumerable() {
            copy = copy.enumerable(enumerable);
        }
        if let Some(value) = descriptor.value() {
            copy = copy
                .value(value.clone())
                .writable(descriptor.writable().unwrap_or(false));
        } else {
            copy = copy
                .maybe_get(descriptor.get().cloned())
                .maybe_set(descriptor.set().cloned());
        }
        shared.insert_property(key, copy);
    }
    let prototype = context.intrinsics().constructors().symbol().prototype();
    replace_value(
        &prototype,
        js_string!("constructor"),
        shared.clone(),
        context,
    )?;
    intrinsics.replace("Symbol", shared);
    Ok(())
}
