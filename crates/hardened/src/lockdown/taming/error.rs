//! `errorTaming`: Boa's `Error.prototype.stack` accessor shows function names, positions and
//! script paths. Under `safe` its getter returns only `String(error)` ("Name: message"), so guests
//! never see host frames or paths; under `unsafe`/`unsafe-debug` it returns Boa's stack. The
//! setter defines an own `stack` data property on the receiver, as in SES.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    property::PropertyDescriptor,
};

use super::define_accessor;
use crate::commons::native;
use crate::lockdown::options::ErrorTaming;

pub(crate) fn tame(taming: ErrorTaming, context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().error().prototype();
    let original = prototype
        .borrow()
        .properties()
        .get(&js_string!("stack").into())
        .and_then(|d| d.get().and_then(JsValue::as_object));
    let getter = match (taming, original) {
        (ErrorTaming::Safe, _) | (_, None) => {
            NativeFunction::from_fn_ptr(|this, _, context| Ok(this.to_string(context)?.into()))
        }
        (_, Some(original)) => NativeFunction::from_copy_closure_with_captures(
            |this, _, original: &JsObject, context| original.call(this, &[], context),
            original,
        ),
    };
    let getter = native(context, "get stack", 0, getter);
    let setter = native(
        context,
        "set stack",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let Some(error) = this.as_object() else {
                return Err(JsNativeError::typ()
                    .with_message("stack can only be set on an object")
                    .into());
            };
            error.define_property_or_throw(
                js_string!("stack"),
                PropertyDescriptor::builder()
                    .value(args.first().cloned().unwrap_or_default())
                    .writable(true)
                    .enumerable(false)
                    .configurable(true),
                context,
            )?;
            Ok(JsValue::undefined())
        }),
    );
    define_accessor(&prototype, js_string!("stack"), getter, setter, context)
}
