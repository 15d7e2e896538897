//! Small helpers every layer uses (a leaf: it depends on no other module of the crate).

use boa_engine::{Context, JsObject, JsResult, js_string, property::PropertyDescriptor};

/// Gives `constructor` the `prototype` of the intrinsic it stands for (a per-compartment
/// constructor, a tamed one, or the hidden original behind an entry check): non-writable,
/// non-enumerable, non-configurable, as intrinsic constructors have it.
pub(crate) fn set_fixed_prototype(
    constructor: &JsObject,
    prototype: JsObject,
    context: &mut Context,
) -> JsResult<()> {
    constructor.define_property_or_throw(
        js_string!("prototype"),
        PropertyDescriptor::builder()
            .value(prototype)
            .writable(false)
            .enumerable(false)
            .configurable(false),
        context,
    )?;
    Ok(())
}
