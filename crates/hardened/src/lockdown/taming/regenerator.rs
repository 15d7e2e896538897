//! `legacyRegeneratorRuntimeTaming: 'unsafe-ignore'`: regenerator-runtime 0.10.5–0.13.7 assigns
//! `IteratorPrototype[Symbol.iterator]`, which throws once it is frozen. The property becomes an
//! accessor that silently ignores assignments to `%IteratorPrototype%` itself and defines an own
//! property on any other receiver.

use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsSymbol, JsValue, NativeFunction};

use super::{define_accessor, define_own_data};
use crate::commons::native;
use crate::lockdown::Intrinsics;

pub(crate) fn tame(intrinsics: &Intrinsics, context: &mut Context) -> JsResult<()> {
    let prototype = intrinsics.expect("%IteratorPrototype%")?;
    let iterator = prototype.get(JsSymbol::iterator(), context)?;
    let getter = native(
        context,
        "get [Symbol.iterator]",
        0,
        NativeFunction::from_copy_closure_with_captures(
            |_, _, value: &JsValue, _| Ok(value.clone()),
            iterator,
        ),
    );
    let setter = native(
        context,
        "set [Symbol.iterator]",
        1,
        NativeFunction::from_copy_closure_with_captures(
            |this, args, prototype: &JsObject, context| {
                let Some(receiver) = this.as_object() else {
                    return Err(JsNativeError::typ()
                        .with_message("cannot set Symbol.iterator on a primitive")
                        .into());
                };
                if receiver != *prototype {
                    define_own_data(
                        &receiver,
                        JsSymbol::iterator(),
                        args.first().cloned().unwrap_or_default(),
                        context,
                    )?;
                }
                Ok(JsValue::undefined())
            },
            prototype.clone(),
        ),
    );
    define_accessor(&prototype, JsSymbol::iterator(), getter, setter, context)
}
