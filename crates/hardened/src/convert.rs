//! Conversions of guest values into Rust values for the typed host API
//! ([`Engine::evaluate`](crate::Engine::evaluate), [`Engine::get`](crate::Engine::get)).
//!
//! A guest value is hostile: its `length` is whatever the guest claims, and reading it runs
//! guest getters. Boa's own `TryFromJs for Vec<T>` reserves room for the claimed length before
//! reading an element (`{length: 2 ** 45}` aborts the process), so the engine converts through
//! this trait instead, whose list conversion grows as it reads and refuses absurd lengths.

use boa_engine::{Context, JsBigInt, JsObject, JsResult, JsString, JsValue, value::TryFromJs};

use crate::bounded::{ListOf, list_from_array_like};

/// A Rust type the engine can make from a guest value.
///
/// Implemented for the primitive types, [`String`], Boa's handle types, `()` (any value),
/// [`Option<T>`] (`undefined` is `None`) and [`Vec<T>`] (any array-like, read element by
/// element: at most 2<sup>24</sup> elements, memory grown as they are read). For other shapes
/// convert to [`JsValue`] or [`JsObject`] and read what you need.
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
    String,
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
            converted.push(T::from_js(&element, context)?);
            Ok(())
        })?;
        Ok(converted)
    }
}
