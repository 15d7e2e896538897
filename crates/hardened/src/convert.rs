//! Conversions of guest values into Rust values for the typed host API
//! ([`Engine::evaluate`](crate::Engine::evaluate), [`Engine::get`](crate::Engine::get)).
//!
//! A guest value is hostile: its `length` is whatever the guest claims, and reading it runs
//! guest getters. Boa's own `TryFromJs for Vec<T>` reserves room for the claimed length before
//! reading an element (`{length: 2 ** 45}` aborts the process), so the engine converts through
//! this trait instead, whose list conversion grows as it reads and refuses absurd lengths.

use std::cell::Cell;

use boa_engine::{
    Context, JsBigInt, JsNativeError, JsObject, JsResult, JsString, JsValue, value::TryFromJs,
};

use crate::bounded::{ListOf, list_from_array_like};

/// A Rust type the engine can make from a guest value.
///
/// Implemented for the primitive types, [`String`], Boa's handle types, `()` (any value),
/// [`Option<T>`] (`undefined` is `None`) and [`Vec<T>`] (any array-like, read element by
/// element: at most 2<sup>24</sup> elements, memory grown as they are read). One conversion
/// copies at most 2<sup>26</sup> units (code units of `String`s, elements of `Vec`s): a value
/// that shares one big string many times is a `RangeError`, not a copy per reference. For other
/// shapes convert to [`JsValue`] or [`JsObject`] (shared, not copied) and read what you need.
///
/// ```
/// # fn main() -> hardened::Result<()> {
/// let mut engine = hardened::Engine::new()?;
/// let start = engine.start_compartment().clone();
/// let list: Vec<Option<i32>> = engine.evaluate(&start, "[1, undefined, 3]")?;
/// assert_eq!(list, [Some(1), None, Some(3)]);
/// // A claimed length is not believed: this is an error, not a 2^45-element reservation.
/// assert!(engine.evaluate::<Vec<i32>>(&start, "({ length: 2 ** 45 })").is_err());
/// # Ok(())
/// # }
/// ```
pub trait FromJs: Sized {
    /// Converts `value`; may run guest code (getters, proxy traps), under the engine's limits.
    ///
    /// # Errors
    /// A `TypeError` or `RangeError` when the value does not convert, or whatever guest code
    /// run by the conversion throws.
    fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self>;
}

/// Types whose Boa conversion reads no length and reserves nothing.
macro_rules! through_boa {
    ($($ty:ty),* $(,)?) => {$(
        impl FromJs for $ty {
            fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self> {
                <$ty as TryFromJs>::try_from_js(value, context)
            }
        }
    )*};
}

/// What one conversion may copy, in units: a code unit of a `String`, an element of a `Vec`.
/// A guest value can share one big string or array many times (`Array(2e4).fill(bigString)`):
/// copies are counted, not the guest's memory.
const COPY_BUDGET: u64 = 1 << 26;

/// The units left to the conversion in progress (context host data).
struct Budget(Cell<u64>);

/// Runs one conversion (of a result, of a host function's arguments) with a fresh budget.
pub(crate) fn budgeted<T>(
    context: &mut Context,
    convert: impl FnOnce(&mut Context) -> JsResult<T>,
) -> JsResult<T> {
    let outer = match context.get_data::<Budget>() {
        Some(budget) => budget.0.replace(COPY_BUDGET),
        None => {
            context.insert_data(Budget(Cell::new(COPY_BUDGET)));
            COPY_BUDGET
        }
    };
    let result = convert(context);
    if let Some(budget) = context.get_data::<Budget>() {
        budget.0.set(outer);
    }
    result
}

/// Takes `units` from the conversion's budget.
fn spend(units: usize, context: &Context) -> JsResult<()> {
    let Some(budget) = context.get_data::<Budget>() else {
        return Ok(());
    };
    match budget.0.get().checked_sub(units as u64) {
        Some(left) => {
            budget.0.set(left);
            Ok(())
        }
        None => Err(JsNativeError::range()
            .with_message("the value is too large to convert (it would copy more than 2^26 units)")
            .into()),
    }
}

impl FromJs for String {
    fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self> {
        if let Some(text) = value.as_string() {
            spend(text.len(), context)?;
        }
        <Self as TryFromJs>::try_from_js(value, context)
    }
}

through_boa!(
    (),
    bool,
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
    JsBigInt,
    JsObject,
    JsValue,
);

impl<T: FromJs> FromJs for Option<T> {
    fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self> {
        if value.is_undefined() {
            Ok(None)
        } else {
            T::from_js(value, context).map(Some)
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: &JsValue, context: &mut Context) -> JsResult<Self> {
        // Each element is converted as soon as it is read: one pass, no reservation.
        let mut converted = Vec::new();
        list_from_array_like(value, ListOf::Conversion, context, |element, context| {
            spend(1, context)?;
            converted.push(T::from_js(&element, context)?);
            Ok(())
        })?;
        Ok(converted)
    }
}
