//! `errorTaming`: Boa's `Error.prototype.stack` accessor shows function names, positions and
//! script paths. Under `safe` its getter returns only `String(error)` ("Name: message"), so guests
//! never see host frames or paths; under `unsafe`/`unsafe-debug` it returns Boa's stack with
//! positions in the guest's own sources (`crate::location::mapped_stack`). The
//! setter gives the receiver an own `stack` data property, as in SES.

use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string};

use super::define_accessor;
use crate::commons::native;
use crate::lockdown::options::ErrorTaming;

pub(crate) fn tame(taming: ErrorTaming, context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().error().prototype();
    // Both follow the error-stack-accessor proposal (test262 `built-ins/Error/prototype/stack`):
    // a receiver that is not an object is a TypeError, one without [[ErrorData]] (a proxy
    // included, whose traps are not consulted) has no stack.
    let getter = match taming {
        ErrorTaming::Safe => NativeFunction::from_fn_ptr(|this, _, context| {
            if is_error(this)? {
                Ok(this.to_string(context)?.into())
            } else {
                Ok(JsValue::undefined())
            }
        }),
        // Boa's stack, its frames in the guest's own positions (`crate::location`).
        _ => NativeFunction::from_fn_ptr(|this, _, context| {
            if is_error(this)? {
                crate::location::mapped_stack(this, context)
            } else {
                Ok(JsValue::undefined())
            }
        }),
    };
    let getter = native(context, "get stack", 0, getter);
    let setter = native(
        context,
        "set stack",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let Some(receiver) = this.as_object() else {
                return Err(not_an_object());
            };
            let value = args.first().cloned().unwrap_or_default();
            if !value.is_string() {
                return Err(JsNativeError::typ()
                    .with_message("Error.prototype.stack can only be set to a string")
                    .into());
            }
            // SetterThatIgnoresPrototypeProperties(this, %Error.prototype%, "stack", v).
            let home = context.intrinsics().constructors().error().prototype();
            if JsObject::equals(&receiver, &home) {
                return Err(JsNativeError::typ()
                    .with_message("cannot set the stack of Error.prototype itself")
                    .into());
            }
            if !receiver.has_own_property(js_string!("stack"), context)? {
                receiver.create_data_property_or_throw(js_string!("stack"), value, context)?;
            } else {
                receiver.set(js_string!("stack"), value, true, context)?;
            }
            Ok(JsValue::undefined())
        }),
    );
    define_accessor(&prototype, js_string!("stack"), getter, setter, context)
}

fn not_an_object() -> boa_engine::JsError {
    JsNativeError::typ()
        .with_message("Error.prototype.stack: the receiver is not an object")
        .into()
}

/// Whether the receiver has [[ErrorData]]; a TypeError for a primitive.
fn is_error(this: &JsValue) -> JsResult<bool> {
    let object = this.as_object().ok_or_else(not_an_object)?;
    Ok(object.is::<boa_engine::builtins::error::Error>())
}
