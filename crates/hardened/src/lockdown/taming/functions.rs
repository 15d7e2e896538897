//! The four function constructors become inert: `Function.prototype.constructor` (and the
//! generator, async and async-generator equivalents) throw instead of compiling code in the
//! shared realm. Their `[[Prototype]]` chain follows the spec (Boa's own generator-function
//! constructors inherit from `Function.prototype` directly).

use boa_engine::{
    Context, JsNativeError, JsResult, NativeFunction, js_string, object::FunctionObjectBuilder,
};

use super::replace_value;
use crate::{commons::set_fixed_prototype, lockdown::Intrinsics};

pub(crate) fn tame(intrinsics: &mut Intrinsics, context: &mut Context) -> JsResult<()> {
    let constructors = context.intrinsics().constructors();
    let kinds = [
        (
            "%InertFunction%",
            "Function",
            constructors.function().prototype(),
        ),
        (
            "%InertGeneratorFunction%",
            "GeneratorFunction",
            constructors.generator_function().prototype(),
        ),
        (
            "%InertAsyncGeneratorFunction%",
            "AsyncGeneratorFunction",
            constructors.async_generator_function().prototype(),
        ),
        (
            "%InertAsyncFunction%",
            "AsyncFunction",
            constructors.async_function().prototype(),
        ),
    ];
    let mut inert_function = None;
    for (intrinsic, name, prototype) in kinds {
        let inert = FunctionObjectBuilder::new(
            context.realm(),
            NativeFunction::from_fn_ptr(|_, _, _| {
                Err(JsNativeError::typ()
                    .with_message("Function.prototype.constructor is not a valid constructor.")
                    .into())
            }),
        )
        .name(js_string!(name))
        .length(1)
        .constructor(true)
        .build();
        let inert: boa_engine::JsObject = inert.into();
        if let Some(parent) = &inert_function {
            inert.set_prototype(Some(Clone::clone(parent)));
        }
        set_fixed_prototype(&inert, prototype.clone(), context)?;
        replace_value(
            &prototype,
            js_string!("constructor"),
            inert.clone(),
            context,
        )?;
        intrinsics.bind(intrinsic, inert.clone())?;
        inert_function.get_or_insert(inert);
    }
    Ok(())
}
