//! `Proxy` and `Proxy.revocable`: Boa's proxy `[[OwnPropertyKeys]]` turns the `ownKeys` trap's
//! result into a list sized by whatever `length` that array-like claims.
//!
//! Every proxy is made over a handler view instead of the guest's handler: an object whose
//! prototype has a getter for each trap name that reads the guest's trap at the moment Boa
//! looks it up, so the order of lookups, missing traps and handler getters behave exactly as
//! before. A trap found is handed to Boa wrapped, to run with the guest's handler as `this`
//! and, for `ownKeys`, to copy its result into a fresh array no longer than
//! [`MAX_LIST_LENGTH`](super::MAX_LIST_LENGTH). Guest code never sees a view: Boa passes it
//! only to the wrappers.

use boa_engine::{
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    gc::GcRefCell,
    js_string,
    object::{FunctionObjectBuilder, builtins::JsArray},
    property::PropertyDescriptor,
};
use boa_gc::{Finalize, Trace};

use super::{ListOf, method, values_from_array_like};
use crate::commons::{define_builtin, native};

/// The guest's handler behind a handler view, and the wrappers made for its traps.
#[derive(Trace, Finalize, JsData)]
struct HandlerView {
    handler: JsObject,
    /// Reused while the handler holds the same function under the same name.
    wrappers: GcRefCell<Vec<Wrapped>>,
}

#[derive(Trace, Finalize)]
struct Wrapped {
    #[unsafe_ignore_trace]
    name: JsString,
    trap: JsObject,
    wrapper: JsObject,
}

/// Boa's constructor and the prototype of every handler view.
struct Parts {
    proxy: JsObject,
    revocable: JsObject,
    view_prototype: JsObject,
}

/// The traps a proxy handler may have.
const TRAPS: [&str; 13] = [
    "getPrototypeOf",
    "setPrototypeOf",
    "isExtensible",
    "preventExtensions",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "has",
    "get",
    "set",
    "deleteProperty",
    "ownKeys",
    "apply",
    "construct",
];

/// A trap name a view getter looks up.
#[derive(Trace, Finalize)]
struct TrapName(#[unsafe_ignore_trace] JsString);

impl Parts {
    fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("bounded::install ran when the engine was built")
    }
}

pub(super) fn install(context: &mut Context) -> JsResult<()> {
    let proxy = context.intrinsics().constructors().proxy().constructor();
    let revocable = proxy
        .get(js_string!("revocable"), context)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("no intrinsic Proxy.revocable"))?;
    let view_prototype = JsObject::with_null_proto();
    for name in TRAPS {
        let getter = native(
            context,
            name,
            0,
            NativeFunction::from_copy_closure_with_captures(
                |view, _, TrapName(name), context| trap(view, name, context),
                TrapName(JsString::from(name)),
            ),
        );
        view_prototype.define_property_or_throw(
            JsString::from(name),
            PropertyDescriptor::builder()
                .get(getter)
                .enumerable(false)
                .configurable(false),
            context,
        )?;
    }
    context.insert_data(Parts {
        proxy,
        revocable,
        view_prototype,
    });
    let realm = context.realm().clone();
    let constructor = FunctionObjectBuilder::new(&realm, NativeFunction::from_fn_ptr(construct))
        .name(js_string!("Proxy"))
        .length(2)
        .constructor(true)
        .build();
    method(
        &constructor,
        "revocable",
        2,
        NativeFunction::from_fn_ptr(revocable_proxy),
        context,
    );
    define_builtin(&context.global_object(), "Proxy", constructor.into());
    Ok(())
}

/// `new Proxy(target, handler)`.
fn construct(new_target: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // Boa passes `new_target` as `this` to a native constructor; a plain call passes its
    // receiver, `undefined` for `Proxy(...)`.
    if !new_target.as_object().is_some_and(|o| o.is_constructor()) {
        return Err(JsNativeError::typ()
            .with_message("Proxy constructor requires 'new'")
            .into());
    }
    let (target, view) = checked(args, context)?;
    let proxy = Parts::get(context).proxy.clone();
    Ok(proxy.construct(&[target, view], None, context)?.into())
}

/// `Proxy.revocable(target, handler)`.
fn revocable_proxy(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (target, view) = checked(args, context)?;
    let revocable = Parts::get(context).revocable.clone();
    revocable.call(&JsValue::undefined(), &[target, view], context)
}

/// `ProxyCreate`'s checks, then the view to use as the handler.
fn checked(args: &[JsValue], context: &mut Context) -> JsResult<(JsValue, JsValue)> {
    let target = args.get_or_undefined(0);
    let handler = args.get_or_undefined(1);
    let (Some(_), Some(handler)) = (target.as_object(), handler.as_object()) else {
        return Err(JsNativeError::typ()
            .with_message("Proxy: target and handler must be objects")
            .into());
    };
    let view = JsObject::from_proto_and_data(
        Some(Parts::get(context).view_prototype.clone()),
        HandlerView {
            handler,
            wrappers: GcRefCell::new(Vec::new()),
        },
    );
    Ok((target.clone(), view.into()))
}

/// A view's getter for the trap `name`: the guest's trap, wrapped if it is a function.
fn trap(view: &JsValue, name: &JsString, context: &mut Context) -> JsResult<JsValue> {
    // A proxy whose target chain reaches the proxy again re-enters here without a JS frame.
    crate::stack::ensure_native_stack()?;
    let view = view
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("not a handler view"))?;
    let handler = view
        .downcast_ref::<HandlerView>()
        .map(|view| view.handler.clone())
        .ok_or_else(|| JsNativeError::typ().with_message("not a handler view"))?;
    let trap = handler.get(name.clone(), context)?;
    let Some(trap) = trap.as_callable() else {
        // `undefined` means "no trap"; anything else Boa rejects as it would have.
        return Ok(trap);
    };
    let view = view
        .downcast_ref::<HandlerView>()
        .ok_or_else(|| JsNativeError::typ().with_message("not a handler view"))?;
    let mut wrappers = view.wrappers.borrow_mut();
    if let Some(wrapped) = wrappers.iter().find(|w| w.name == *name && w.trap == trap) {
        return Ok(wrapped.wrapper.clone().into());
    }
    let own_keys = *name == js_string!("ownKeys");
    let wrapper = native(
        context,
        "",
        0,
        NativeFunction::from_copy_closure_with_captures(
            |_, args, (trap, handler, own_keys), context| {
                crate::stack::ensure_native_stack()?;
                let result = trap.call(&handler.clone().into(), args, context)?;
                if *own_keys {
                    let keys = values_from_array_like(&result, ListOf::Keys, context)?;
                    return Ok(JsArray::from_iter(keys, context).into());
                }
                Ok(result)
            },
            (trap.clone(), handler, own_keys),
        ),
    );
    wrappers.retain(|w| w.name != *name);
    wrappers.push(Wrapped {
        name: name.clone(),
        trap,
        wrapper: wrapper.clone(),
    });
    Ok(wrapper.into())
}
