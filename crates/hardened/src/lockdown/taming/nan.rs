//! The NaN side channel: `DataView.prototype.setFloat16/32/64` write the canonical NaN bit pattern
//! for every NaN, so NaN payloads cannot carry information between compartments.

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    object::builtins::JsDataView,
};

use super::replace_value;
use crate::commons::native;

pub(crate) fn tame(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().data_view().prototype();
    for name in ["setFloat16", "setFloat32", "setFloat64"] {
        let Some(original) = prototype
            .borrow()
            .properties()
            .get(&JsString::from(name).into())
            .and_then(|d| d.value().and_then(JsValue::as_object))
        else {
            continue;
        };
        let wrapper = native(
            context,
            name,
            2,
            NativeFunction::from_copy_closure_with_captures(
                |this, args, original: &JsObject, context| {
                    if this
                        .as_object()
                        .and_then(|o| JsDataView::from_object(o).ok())
                        .is_none()
                    {
                        return Err(JsNativeError::typ().with_message("not a DataView").into());
                    }
                    let offset = args.get_or_undefined(0).to_index(context)?;
                    let value = args.get_or_undefined(1).to_number(context)?;
                    let value = if value.is_nan() { f64::NAN } else { value };
                    original.call(
                        this,
                        &[
                            JsValue::from(offset as f64),
                            value.into(),
                            args.get_or_undefined(2).clone(),
                        ],
                        context,
                    )
                },
                original,
            ),
        );
        replace_value(&prototype, JsString::from(name), wrapper, context)?;
    }
    Ok(())
}
