//! `%SharedDate%`: compartments get a `Date` with no clock. `Date()` and `new Date()` with no
//! arguments and `Date.now()` throw; dates from explicit values work. The start compartment keeps
//! the original as `%InitialDate%`; `Date.prototype.constructor` becomes the shared one.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, NativeFunction, js_string,
    object::FunctionObjectBuilder,
};

use super::{replace_value, thrower};
use crate::{commons::set_fixed_prototype, lockdown::Intrinsics};

pub(crate) fn tame(intrinsics: &mut Intrinsics, context: &mut Context) -> JsResult<()> {
    let initial = intrinsics.expect("%InitialDate%")?;
    let shared: JsObject = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |new_target, args, initial: &JsObject, context| {
                let Some(new_target) = new_target.as_object().filter(JsObject::is_constructor)
                else {
                    return Err(JsNativeError::typ()
                        .with_message(
                            "secure mode Calling %SharedDate% constructor as a function throws",
                        )
                        .into());
                };
                if args.is_empty() {
                    return Err(JsNativeError::typ()
                        .with_message(
                            "secure mode Calling new %SharedDate%() with no arguments throws",
                        )
                        .into());
                }
                Ok(initial.construct(args, Some(&new_target), context)?.into())
            },
            initial.clone(),
        ),
    )
    .name(js_string!("Date"))
    .length(7)
    .constructor(true)
    .build()
    .into();
    let prototype = context.intrinsics().constructors().date().prototype();
    set_fixed_prototype(&shared, prototype.clone(), context)?;
    let now = thrower(
        context,
        "now",
        0,
        "secure mode Calling %SharedDate%.now() throws",
    );
    replace_value(&shared, js_string!("now"), now, context)?;
    for name in ["parse", "UTC"] {
        if let Some(descriptor) = initial.borrow().properties().get(&js_string!(name).into()) {
            shared.insert_property(js_string!(name), descriptor);
        }
    }
    replace_value(
        &prototype,
        js_string!("constructor"),
        shared.clone(),
        context,
    )?;
    intrinsics.bind("%SharedDate%", shared)?;
    Ok(())
}
