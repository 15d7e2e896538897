//! Override-mistake enablements: selected data properties of intrinsics become accessors, so
//! that assigning `toString` on an object inheriting a frozen one still works.
//!
//! The getter returns the original value and carries it as `getter.originalValue` (so `harden`
//! reaches it without calling the getter). The setter throws when the holder itself is assigned,
//! assigns when the receiver already has its own property, and otherwise defines an own data
//! property on the receiver. The plans are SES 2.3.0's; properties Boa does not have, or has as
//! accessors (`%IteratorPrototype%.constructor`/`@@toStringTag`), are skipped.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string,
    object::FunctionObjectBuilder,
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::{Finalize, Trace};

use super::{Intrinsics, Reporter, options::OverrideTaming, taming::define_own_data};

/// Which properties of an intrinsic to enable.
enum Plan {
    These(&'static [&'static str]),
    /// Every own data property.
    All,
}

use Plan::{All, These};

const MIN: &[(&str, Plan)] = &[
    ("%ObjectPrototype%", These(&["toString"])),
    ("%FunctionPrototype%", These(&["toString"])),
    ("%ErrorPrototype%", These(&["name"])),
    (
        "%IteratorPrototype%",
        These(&["toString", "constructor", "@@toStringTag"]),
    ),
];

const MODERATE: &[(&str, Plan)] = &[
    ("%ObjectPrototype%", These(&["valueOf"])),
    ("%FunctionPrototype%", These(&["constructor", "bind"])),
    (
        "%ErrorPrototype%",
        These(&["constructor", "message", "toString"]),
    ),
    ("%IteratorPrototype%", These(&["@@iterator"])),
    (
        "%ArrayPrototype%",
        These(&["toString", "push", "concat", "@@iterator"]),
    ),
    (
        "%TypeErrorPrototype%",
        These(&["constructor", "message", "name"]),
    ),
    ("%SyntaxErrorPrototype%", These(&["message", "name"])),
    ("%RangeErrorPrototype%", These(&["message", "name"])),
    ("%URIErrorPrototype%", These(&["message", "name"])),
    ("%EvalErrorPrototype%", These(&["message", "name"])),
    ("%ReferenceErrorPrototype%", These(&["message", "name"])),
    ("%AggregateErrorPrototype%", These(&["message", "name"])),
    ("%PromisePrototype%", These(&["constructor"])),
    ("%TypedArrayPrototype%", All),
    ("%Generator%", These(&["constructor", "name", "toString"])),
];

const SEVERE: &[(&str, Plan)] = &[
    ("%ObjectPrototype%", All),
    ("%MapPrototype%", All),
    ("%SetPrototype%", All),
];

/// Applies the plan of `taming`; `debug` names properties whose setters also report.
pub(crate) fn enable(
    intrinsics: &Intrinsics,
    taming: OverrideTaming,
    debug: &[String],
    reporter: &mut Reporter,
    context: &mut Context,
) -> JsResult<()> {
    let plans: &[&[(&str, Plan)]] = match taming {
        OverrideTaming::Min => &[MIN],
        OverrideTaming::Moderate => &[MIN, MODERATE],
        OverrideTaming::Severe => &[MIN, MODERATE, SEVERE],
    };
    for (name, plan) in plans.iter().flat_map(|plan| plan.iter()) {
        let Some(holder) = intrinsics.get(name) else {
            continue;
        };
        let keys = match plan {
            All => holder.own_property_keys(context)?,
            These(names) => names
                .iter()
                .map(|n| key_of(n, context))
                .collect::<JsResult<_>>()?,
        };
        for key in keys {
            enable_property(holder, name, &key, debug, reporter, context)?;
        }
    }
    Ok(())
}

fn key_of(name: &str, context: &mut Context) -> JsResult<PropertyKey> {
    Ok(match name.strip_prefix("@@") {
        Some(symbol) => {
            let symbol_constructor = context.intrinsics().constructors().symbol().constructor();
            symbol_constructor
                .get(JsString::from(symbol), context)?
                .as_symbol()
                .map(PropertyKey::from)
                .ok_or_else(|| {
                    JsNativeError::typ().with_message(format!("no well-known symbol {name}"))
                })?
        }
        None => JsString::from(name).into(),
    })
}

#[derive(Trace, Finalize)]
struct Enabled {
    holder: JsObject,
    #[unsafe_ignore_trace]
    key: PropertyKey,
    #[unsafe_ignore_trace]
    path: String,
    #[unsafe_ignore_trace]
    debug: bool,
}

fn enable_property(
    holder: &JsObject,
    holder_name: &str,
    key: &PropertyKey,
    debug: &[String],
    reporter: &mut Reporter,
    context: &mut Context,
) -> JsResult<()> {
    let Some(descriptor) = holder.borrow().properties().get(key) else {
        return Ok(());
    };
    let (Some(value), Some(true)) = (descriptor.value().cloned(), descriptor.configurable()) else {
        return Ok(());
    };
    let key_text = crate::commons::key_text(key);
    let function_name = crate::commons::function_name(key);
    let realm = context.realm().clone();
    let getter: JsObject = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(
            |_, _, value: &JsValue, _| Ok(value.clone()),
            value.clone(),
        ),
    )
    .name(JsString::from(format!("get {function_name}")))
    .build()
    .into();
    getter.define_property_or_throw(
        js_string!("originalValue"),
        PropertyDescriptor::builder()
            .value(value)
            .writable(false)
            .enumerable(false)
            .configurable(false),
        context,
    )?;
    let enabled = Enabled {
        holder: holder.clone(),
        key: key.clone(),
        path: format!("root.{holder_name}.{key_text}"),
        debug: debug.contains(&key_text),
    };
    if enabled.debug {
        reporter.warn(format!("Override debugging enabled for {}", enabled.path));
    }
    let setter: JsObject = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(set_override, enabled),
    )
    .name(JsString::from(format!("set {function_name}")))
    .length(1)
    .build()
    .into();
    holder.define_property_or_throw(
        key.clone(),
        PropertyDescriptor::builder()
            .get(getter)
            .set(setter)
            .enumerable(descriptor.enumerable().unwrap_or(false))
            .configurable(true),
        context,
    )?;
    Ok(())
}

fn set_override(
    this: &JsValue,
    args: &[JsValue],
    enabled: &Enabled,
    context: &mut Context,
) -> JsResult<JsValue> {
    let value = args.first().cloned().unwrap_or_default();
    let Some(receiver) = this.as_object() else {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Cannot assign to read only property '{}'",
                crate::commons::key_text(&enabled.key)
            ))
            .into());
    };
    if receiver == enabled.holder {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Cannot assign to read only property '{}' of '{}'",
                crate::commons::key_text(&enabled.key),
                enabled.path
            ))
            .into());
    }
    if enabled.debug {
        super::warn(
            context,
            &format!(
                "TypeError: Override property {}",
                crate::commons::key_text(&enabled.key)
            ),
        );
    }
    // A proxy receiver that claims the property but has no `set` trap sends the assignment back
    // to this setter.
    crate::stack::ensure_native_stack()?;
    if receiver.has_own_property(enabled.key.clone(), context)? {
        receiver.set(enabled.key.clone(), value, true, context)?;
    } else {
        define_own_data(&receiver, enabled.key.clone(), value, context)?;
    }
    Ok(JsValue::undefined())
}
