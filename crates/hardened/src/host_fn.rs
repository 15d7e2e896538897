//! Host functions from ordinary Rust closures: typed arguments and result, a [`Caller`] that
//! calls back into the engine, and host state the engine keeps ([`Caller::data`]).
//!
//! A closure endowed with [`CompartmentOptions::host_fn`](crate::CompartmentOptions::host_fn)
//! must be `Send`: Boa's values are not, so the closure holds none, and none can be left
//! untraced inside the function object that keeps it (Boa's collector could free a value such
//! a closure still holds, which is why `NativeFunction::from_closure` is `unsafe`). State that
//! is not `Send`, Boa's values included, goes in the engine ([`Engine::set_data`](crate::Engine::set_data)).
//!
//! Arguments are converted before the closure runs and its result after it returns, outside
//! its panic containment, and [`Caller::call`] marks its own region: a panic in the closure's
//! own code is the host's (raised to the host, the engine stays usable), any other is Boa's.

use std::{
    any::Any,
    panic::{self, AssertUnwindSafe},
    rc::Rc,
};

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    object::builtins::JsArray,
};
use boa_gc::{Finalize, Trace};

use crate::convert::FromJs;

/// A Rust value the engine can hand to guest code.
pub trait IntoJs {
    /// Converts the value, making objects (arrays) in the engine.
    ///
    /// # Errors
    /// When the engine cannot make the value (an array too long).
    fn into_js(self, context: &mut Context) -> JsResult<JsValue>;
}

macro_rules! into_js_by_from {
    ($($ty:ty),* $(,)?) => {$(
        impl IntoJs for $ty {
            fn into_js(self, _: &mut Context) -> JsResult<JsValue> {
                Ok(JsValue::from(self))
            }
        }
    )*};
}

into_js_by_from!(
    bool,
    f32,
    f64,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    usize,
    JsString,
    JsValue,
    JsObject,
    boa_engine::JsSymbol,
    boa_engine::JsBigInt,
    boa_engine::object::builtins::JsFunction,
    JsArray,
    boa_engine::object::builtins::JsPromise,
);

/// `undefined` (Boa's own conversion of `()` is `null`).
impl IntoJs for () {
    fn into_js(self, _: &mut Context) -> JsResult<JsValue> {
        Ok(JsValue::undefined())
    }
}

impl IntoJs for String {
    fn into_js(self, _: &mut Context) -> JsResult<JsValue> {
        Ok(JsString::from(self).into())
    }
}

impl IntoJs for &str {
    fn into_js(self, _: &mut Context) -> JsResult<JsValue> {
        Ok(JsString::from(self).into())
    }
}

/// `None` is `undefined`.
impl<T: IntoJs> IntoJs for Option<T> {
    fn into_js(self, context: &mut Context) -> JsResult<JsValue> {
        match self {
            Some(value) => value.into_js(context),
            None => Ok(JsValue::undefined()),
        }
    }
}

/// A new array of the engine's.
impl<T: IntoJs> IntoJs for Vec<T> {
    fn into_js(self, context: &mut Context) -> JsResult<JsValue> {
        let mut elements = Vec::with_capacity(self.len());
        for element in self {
            elements.push(element.into_js(context)?);
        }
        Ok(JsArray::from_iter(elements, context).into())
    }
}

/// The arguments a host function takes: `()` or a tuple of [`FromJs`] types, one per
/// argument. A missing argument converts from `undefined` (so `Option<T>` makes it optional);
/// extra arguments are ignored.
pub trait FromArgs: Sized {
    /// The function's `length`.
    const LENGTH: usize;

    /// Converts the arguments; may run guest code (getters, `valueOf`).
    ///
    /// # Errors
    /// When an argument does not convert.
    fn from_args(args: &[JsValue], context: &mut Context) -> JsResult<Self>;
}

/// The arguments of a call to a guest function: `()` or a tuple of [`IntoJs`] types.
pub trait IntoArgs {
    /// Converts the arguments.
    ///
    /// # Errors
    /// When the engine cannot make a value.
    fn into_args(self, context: &mut Context) -> JsResult<Vec<JsValue>>;
}

macro_rules! tuples {
    ($(($($name:ident : $index:tt),*)),* $(,)?) => {$(
        impl<$($name: FromJs),*> FromArgs for ($($name,)*) {
            const LENGTH: usize = <[&str]>::len(&[$(stringify!($name)),*]);

            #[allow(unused_variables)]
            fn from_args(args: &[JsValue], context: &mut Context) -> JsResult<Self> {
                let undefined = JsValue::undefined();
                Ok(($($name::from_js(args.get($index).unwrap_or(&undefined), context)?,)*))
            }
        }

        impl<$($name: IntoJs),*> IntoArgs for ($($name,)*) {
            #[allow(unused_variables)]
            fn into_args(self, context: &mut Context) -> JsResult<Vec<JsValue>> {
                Ok(vec![$(self.$index.into_js(context)?),*])
            }
        }
    )*};
}

tuples!(
    (),
    (A: 0),
    (A: 0, B: 1),
    (A: 0, B: 1, C: 2),
    (A: 0, B: 1, C: 2, D: 3),
    (A: 0, B: 1, C: 2, D: 3, E: 4),
    (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5),
);

/// What a host function throws: a new error of the engine's (`TypeError`, `RangeError`,
/// `Error`), or whatever a call back into guest code threw, unchanged (`?` on
/// [`Caller::call`]).
#[derive(Debug)]
pub struct HostError(JsError);

impl HostError {
    /// A `TypeError` with `message`.
    #[must_use]
    pub fn type_error(message: impl Into<String>) -> Self {
        Self(JsNativeError::typ().with_message(message.into()).into())
    }

    /// A `RangeError` with `message`.
    #[must_use]
    pub fn range_error(message: impl Into<String>) -> Self {
        Self(JsNativeError::range().with_message(message.into()).into())
    }

    /// An `Error` with `message`.
    #[must_use]
    pub fn error(message: impl Into<String>) -> Self {
        Self(JsNativeError::error().with_message(message.into()).into())
    }
}

impl From<JsError> for HostError {
    fn from(error: JsError) -> Self {
        Self(error)
    }
}

/// What a host function gets besides its arguments: calls back into the engine, under the
/// limits of the call that reached the host, and the host state the engine keeps.
pub struct Caller<'a> {
    context: &'a mut Context,
}

impl Caller<'_> {
    /// Calls `function` (a guest callback) with `this` = `undefined`.
    ///
    /// # Errors
    /// What the callback throws (propagate it with `?`), or a `TypeError` when `function` is
    /// not callable. A limit the callback runs into ends the whole engine call and cannot be
    /// caught here.
    pub fn call(&mut self, function: &JsValue, args: &[JsValue]) -> Result<JsValue, HostError> {
        let function = function
            .as_callable()
            .ok_or_else(|| HostError::type_error("not a function"))?;
        engine_region(self.context, |context| {
            handed_in_all(args, context)?;
            function.call(&JsValue::undefined(), args, context)
        })
        .map_err(HostError)
    }

    /// Converts a guest value (may run guest getters, under the same limits).
    ///
    /// # Errors
    /// When the value does not convert.
    pub fn convert<T: FromJs>(&mut self, value: &JsValue) -> Result<T, HostError> {
        engine_region(self.context, |context| {
            crate::convert::budgeted(context, |context| T::from_js(value, context))
        })
        .map_err(HostError)
    }

    /// Reads property `name` of `object` (may run a guest getter, under the same limits).
    ///
    /// # Errors
    /// What the getter throws, or when the value does not convert.
    pub fn get<T: FromJs>(&mut self, object: &JsObject, name: &str) -> Result<T, HostError> {
        let value = engine_region(self.context, |context| {
            object.get(JsString::from(name), context)
        })
        .map_err(HostError)?;
        self.convert(&value)
    }

    /// Sets property `name` of `object` (may run a guest setter, under the same limits).
    ///
    /// # Errors
    /// What the setter throws, or a `TypeError` when the property cannot be set (a frozen
    /// object).
    pub fn set(
        &mut self,
        object: &JsObject,
        name: &str,
        value: impl IntoJs,
    ) -> Result<(), HostError> {
        engine_region(self.context, |context| {
            let value = value.into_js(context)?;
            crate::bounded::reentry::handed_in(&value, context)?;
            object
                .set(JsString::from(name), value, true, context)
                .map(drop)
        })
        .map_err(HostError)
    }

    /// The host state of type `T` the engine keeps ([`Engine::set_data`](crate::Engine::set_data)).
    #[must_use]
    pub fn data<T: Any>(&self) -> Option<&T> {
        data(self.context)
    }
}

/// Arguments the host passes to guest code: host functions in them get their entry check.
pub(crate) fn handed_in_all(args: &[JsValue], context: &mut Context) -> JsResult<()> {
    args.iter()
        .try_for_each(|arg| crate::bounded::reentry::handed_in(arg, context))
}

/// Host state kept for the host in the engine's context.
struct HostData<T>(T);

pub(crate) fn set_data<T: Any>(context: &mut Context, value: T) {
    context.insert_data(HostData(value));
}

pub(crate) fn data<T: Any>(context: &Context) -> Option<&T> {
    context.get_data::<HostData<T>>().map(|data| &data.0)
}

/// Runs engine work for host code: a panic that unwinds out of it is the engine's, whatever
/// the host around it does.
fn engine_region<T>(
    context: &mut Context,
    work: impl FnOnce(&mut Context) -> JsResult<T>,
) -> JsResult<T> {
    match panic::catch_unwind(AssertUnwindSafe(|| work(context))) {
        Ok(result) => result,
        Err(payload) => {
            crate::host_panic::engine_panicked(context, payload.as_ref());
            panic::resume_unwind(payload)
        }
    }
}

type Erased = dyn Fn(&mut Caller<'_>, &[JsValue]) -> JsResult<JsValue>;

/// The closure, type-erased. `Send` closures hold no engine value, so leaving it untraced is
/// sound (see the module documentation).
#[derive(Trace, Finalize)]
struct Host(#[unsafe_ignore_trace] Rc<Erased>);

/// The native function for host closure `f`, and its `length`.
pub(crate) fn native<F, A, R>(f: F) -> (usize, NativeFunction)
where
    F: Fn(&mut Caller<'_>, A) -> Result<R, HostError> + Send + 'static,
    A: FromArgs,
    R: IntoJs,
{
    let erased = move |caller: &mut Caller<'_>, args: &[JsValue]| -> JsResult<JsValue> {
        let args = crate::convert::budgeted(caller.context, |context| A::from_args(args, context))?;
        let result = crate::host_panic::contain(caller.context, |context| {
            f(&mut Caller { context }, args).map_err(|error| error.0)
        })?;
        let value = result.into_js(caller.context)?;
        // Host functions in what it returns get their entry check, as endowments do.
        crate::bounded::reentry::handed_in(&value, caller.context)?;
        Ok(value)
    };
    let function = NativeFunction::from_copy_closure_with_captures(
        |_, args, host: &Host, context| (host.0)(&mut Caller { context }, args),
        Host(Rc::new(erased)),
    );
    (A::LENGTH, function)
}
