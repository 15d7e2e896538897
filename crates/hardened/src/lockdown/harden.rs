//! `harden(value)`: freezes the transitive closure of a value over own properties (string and
//! symbol keys; accessors' get/set, never calling them) and `[[Prototype]]`s.
//!
//! Objects are frozen as they are reached (so a proxy cannot add properties behind the walk)
//! and recorded as hardened only when the whole closure succeeded. If a proxy trap throws
//! midway, `harden` throws: what was frozen stays frozen, nothing is recorded, and a later
//! `harden` walks it again — so no object is ever claimed hardened with a mutable part.
//! Typed arrays are made non-extensible with their non-index properties frozen; their elements
//! stay writable, as in SES.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsValue,
    builtins::{object::OrdinaryObject, proxy::Proxy, typed_array::TypedArray},
    object::{IntegrityLevel, builtins::JsWeakSet},
    property::{PropertyDescriptor, PropertyKey},
};
use std::{cell::Cell, rc::Rc};

use indexmap::IndexSet;

/// The set of hardened objects (weak: hardening never keeps an object alive).
#[derive(Clone)]
pub(crate) struct Hardener {
    hardened: JsWeakSet,
    /// Nothing hardened yet: lockdown's walk skips the weak-set lookups.
    empty: Rc<Cell<bool>>,
}

impl Hardener {
    pub(crate) fn new(context: &mut Context) -> Self {
        Self {
            hardened: JsWeakSet::new(context),
            empty: Rc::new(Cell::new(true)),
        }
    }

    /// Hardens `root`.
    pub(crate) fn harden(&self, root: &JsValue, context: &mut Context) -> JsResult<()> {
        self.harden_all(std::slice::from_ref(root), context)
    }

    /// Hardens every root in one walk (lockdown hardens all intrinsics at once).
    pub(crate) fn harden_all(&self, roots: &[JsValue], context: &mut Context) -> JsResult<()> {
        let mut queue: IndexSet<JsObject> = IndexSet::new();
        for root in roots {
            self.enqueue(root, &mut queue, context)?;
        }
        let mut next = 0;
        while let Some(object) = queue.get_index(next).cloned() {
            next += 1;
            let descriptors = freeze(&object, context)?;
            // A proxy answers `[[GetPrototypeOf]]` through its trap; others from their shape.
            let prototype = if object.is::<Proxy>() {
                OrdinaryObject::get_prototype_of(
                    &JsValue::undefined(),
                    &[object.clone().into()],
                    context,
                )?
            } else {
                object.prototype().map_or_else(JsValue::null, JsValue::from)
            };
            self.enqueue(&prototype, &mut queue, context)?;
            for descriptor in &descriptors {
                for value in [descriptor.value(), descriptor.get(), descriptor.set()]
                    .into_iter()
                    .flatten()
                {
                    self.enqueue(value, &mut queue, context)?;
                }
            }
        }
        for object in &queue {
            self.hardened.add(object, context)?;
        }
        self.empty.set(self.empty.get() && queue.is_empty());
        Ok(())
    }

    fn enqueue(
        &self,
        value: &JsValue,
        queue: &mut IndexSet<JsObject>,
        context: &mut Context,
    ) -> JsResult<()> {
        if let Some(object) = value.as_object()
            && !queue.contains(&object)
            && (self.empty.get() || !self.hardened.has(&object, context)?)
        {
            queue.insert(object);
        }
        Ok(())
    }
}

/// Freezes `object` and returns its own property descriptors.
///
/// An object whose properties all live in its property storage (the common case) is frozen in
/// one pass over that storage; proxies, typed arrays, mapped `arguments` and exotic objects
/// with virtual properties go through their internal methods.
pub(crate) fn freeze(
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<PropertyDescriptor>> {
    // A type test: `JsTypedArray::from_object` would allocate an error for every other object.
    let typed_array = object.is::<TypedArray>();
    let keys = object.own_property_keys(context)?;
    // A sloppy function's mapped `arguments` (own data `callee`) links its elements to the
    // function's variables; only its own [[DefineOwnProperty]] unlinks them.
    let mapped_arguments = object
        .borrow()
        .properties()
        .get(&boa_engine::js_string!("callee").into())
        .is_some_and(|callee| callee.is_data_descriptor());
    if !typed_array && !mapped_arguments && !object.is::<Proxy>() {
        let stored: Option<Vec<(PropertyKey, PropertyDescriptor)>> = keys
            .iter()
            .map(|key| {
                object
                    .borrow()
                    .properties()
                    .get(key)
                    .map(|d| (key.clone(), d))
            })
            .collect();
        if let Some(stored) = stored {
            OrdinaryObject::prevent_extensions(
                &JsValue::undefined(),
                &[object.clone().into()],
                context,
            )?;
            let mut descriptors = Vec::with_capacity(stored.len());
            for (key, descriptor) in stored {
                let frozen_already =
                    descriptor.configurable() == Some(false) && descriptor.writable() != Some(true);
                if !frozen_already {
                    let mut frozen = PropertyDescriptor::builder()
                        .enumerable(descriptor.enumerable().unwrap_or(false))
                        .configurable(false);
                    frozen = match descriptor.value() {
                        Some(value) => frozen.value(value.clone()).writable(false),
                        None => frozen
                            .get(descriptor.get().cloned().unwrap_or_default())
                            .set(descriptor.set().cloned().unwrap_or_default()),
                    };
                    object.insert_property(key, frozen);
                }
                descriptors.push(descriptor);
            }
            return Ok(descriptors);
        }
    }
    if typed_array {
        OrdinaryObject::prevent_extensions(
            &JsValue::undefined(),
            &[object.clone().into()],
            context,
        )?;
        for key in &keys {
            if matches!(key, PropertyKey::Index(_)) {
                continue;
            }
            let Some(descriptor) = fast_descriptor(object, key, context)? else {
                continue;
            };
            let frozen = if descriptor.is_accessor_descriptor() {
                PropertyDescriptor::builder().configurable(false).build()
            } else {
                PropertyDescriptor::builder()
                    .writable(false)
                    .configurable(false)
                    .build()
            };
            object.define_property_or_throw(key.clone(), frozen, context)?;
        }
    } else if !object.set_integrity_level(IntegrityLevel::Frozen, context)? {
        return Err(JsNativeError::typ()
            .with_message("harden: cannot freeze an object")
            .into());
    }
    let mut descriptors = Vec::with_capacity(keys.len());
    for key in &keys {
        if let Some(descriptor) = fast_descriptor(object, key, context)? {
            descriptors.push(descriptor);
        }
    }
    Ok(descriptors)
}

/// An own property descriptor: read from the property storage when it is there (ordinary
/// properties of any object, the common case), else through `[[GetOwnProperty]]` (proxies,
/// and virtual properties of exotic objects such as string indices or namespace exports).
fn fast_descriptor(
    object: &JsObject,
    key: &PropertyKey,
    context: &mut Context,
) -> JsResult<Option<PropertyDescriptor>> {
    if let Some(descriptor) = object.borrow().properties().get(key) {
        return Ok(Some(descriptor));
    }
    own_descriptor(object, key, context)
}

/// `[[GetOwnProperty]]` through the public entry point, so proxies see their trap.
pub(crate) fn own_descriptor(
    object: &JsObject,
    key: &PropertyKey,
    context: &mut Context,
) -> JsResult<Option<PropertyDescriptor>> {
    let key = match key {
        PropertyKey::String(s) => JsValue::from(s.clone()),
        PropertyKey::Symbol(s) => JsValue::from(s.clone()),
        PropertyKey::Index(i) => JsValue::from(i.get()),
    };
    let descriptor = OrdinaryObject::get_own_property_descriptor(
        &JsValue::undefined(),
        &[object.clone().into(), key],
        context,
    )?;
    if descriptor.is_undefined() {
        return Ok(None);
    }
    descriptor.to_property_descriptor(context).map(Some)
}
