//! `Function.prototype.apply`, `Reflect.apply` and `Reflect.construct`: Boa's
//! `CreateListFromArrayLike` reserves room for whatever `length` the array-like claims.

use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue, NativeFunction};

use super::{ListOf, method, values_from_array_like};

pub(super) fn install(context: &mut Context) -> JsResult<()> {
    let function_prototype = context.intrinsics().constructors().function().prototype();
    method(
        &function_prototype,
        "apply",
        2,
        NativeFunction::from_fn_ptr(apply),
        context,
    );
    let reflect = context.intrinsics().objects().reflect();
    method(
        &reflect,
        "apply",
        3,
        NativeFunction::from_fn_ptr(reflect_apply),
        context,
    );
    method(
        &reflect,
        "construct",
        2,
        NativeFunction::from_fn_ptr(reflect_construct),
        context,
    );
    Ok(())
}

/// `Function.prototype.apply(thisArg, argArray)`.
fn apply(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let function = this.as_callable().ok_or_else(|| {
        JsNativeError::typ().with_message("Function.prototype.apply called on a non-callable value")
    })?;
    let arguments = match args.get_or_undefined(1) {
        list if list.is_null_or_undefined() => Vec::new(),
        list => values_from_array_like(list, ListOf::Arguments, context)?,
    };
    function.call(args.get_or_undefined(0), &arguments, context)
}

/// `Reflect.apply(target, thisArgument, argumentsList)`.
fn reflect_apply(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = args.get_or_undefined(0).as_callable().ok_or_else(|| {
        JsNativeError::typ().with_message("Reflect.apply: target must be a function")
    })?;
    let arguments = values_from_array_like(args.get_or_undefined(2), ListOf::Arguments, context)?;
    target.call(args.get_or_undefined(1), &arguments, context)
}

/// `Reflect.construct(target, argumentsList, newTarget)`.
fn reflect_construct(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let constructor = |value: &JsValue, role: &str| -> JsResult<JsObject> {
        value.as_constructor().ok_or_else(|| {
            JsNativeError::typ()
                .with_message(format!("Reflect.construct: {role} must be a constructor"))
                .into()
        })
    };
    let target = constructor(args.get_or_undefined(0), "target")?;
    let new_target = match args.get(2) {
        Some(new_target) => constructor(new_target, "newTarget")?,
        None => target.clone(),
    };
    let arguments = values_from_array_like(args.get_or_undefined(1), ListOf::Arguments, context)?;
    Ok(target
        .construct(&arguments, Some(&new_target), context)?
        .into())
}
