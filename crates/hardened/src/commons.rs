//! Small helpers every layer uses (a leaf: it depends on no other module of the crate).

use std::{
    cell::{Cell, RefCell},
    collections::HashMap,
    hash::{Hash, Hasher},
};

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    builtins::{
        object::OrdinaryObject, promise::PromiseState, proxy::Proxy, typed_array::TypedArray,
    },
    js_string,
    object::{FunctionObjectBuilder, IntegrityLevel, builtins::JsPromise},
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::{Gc, Trace, WeakGc};

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

/// A native function of the realm.
pub(crate) fn native(
    context: &Context,
    name: &str,
    length: usize,
    function: NativeFunction,
) -> JsObject {
    FunctionObjectBuilder::new(context.realm(), function)
        .name(JsString::from(name))
        .length(length)
        .build()
        .into()
}

/// Gives `holder` a writable, configurable, non-enumerable data property, as every builtin
/// method and global function has.
pub(crate) fn define_builtin(holder: &JsObject, name: &str, value: JsObject) {
    holder.insert_property(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
    );
}

/// A property key as text for messages.
pub(crate) fn key_text(key: &PropertyKey) -> String {
    match key {
        PropertyKey::String(s) => s.to_std_string_escaped(),
        PropertyKey::Symbol(s) => s.descriptive_string().to_std_string_escaped(),
        PropertyKey::Index(i) => i.get().to_string(),
    }
}

/// The name a function defined for `key` gets (SetFunctionName): a symbol's description in
/// brackets (`[Symbol.iterator]`, or nothing for a symbol without one), else the key's text.
pub(crate) fn function_name(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Symbol(symbol) => symbol
            .description()
            .map(|description| format!("[{}]", description.to_std_string_escaped()))
            .unwrap_or_default(),
        other => key_text(other),
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

/// An engine-made error (a native one) with `note` added to its message, as `message (note)`;
/// a value guest code threw, or an uncatchable error, passes unchanged.
pub(crate) fn noted(error: JsError, note: impl FnOnce() -> String) -> JsError {
    match error.as_native() {
        Some(native) => {
            let message = format!("{} ({})", native.message(), note());
            native.clone().with_message(message).into()
        }
        None => error,
    }
}

/// The outcome of a settled promise (its value, or its reason as an error); `None` while it is
/// pending. The engine reading a rejection handles it: it is not left as unhandled.
pub(crate) fn settled(promise: &JsPromise, context: &Context) -> Option<JsResult<JsValue>> {
    match promise.state() {
        PromiseState::Fulfilled(value) => Some(Ok(value)),
        PromiseState::Rejected(reason) => {
            crate::rejections::Rejections::handled(&promise.clone().into(), context);
            Some(Err(JsError::from_opaque(reason)))
        }
        PromiseState::Pending => None,
    }
}

/// A weak index from identities Boa does not expose as `Gc` (a `Module`, a `JsObject`) to
/// values held elsewhere in the traced graph. Boa's ephemeron `WeakMap` needs a `Gc` key, and
/// a strong key in a table outside the graph would keep the key, and all it reaches, alive for
/// ever. So entries are found by the key's hash and confirmed by the key each value holds;
/// an entry whose value was collected answers nothing.
pub(crate) struct WeakIndex<V: Trace + Keyed + 'static> {
    buckets: RefCell<HashMap<u64, Vec<WeakGc<V>>>>,
    entries: Cell<usize>,
    prune_at: Cell<usize>,
}

/// A value that names the key it is indexed by.
pub(crate) trait Keyed {
    type Key: Hash + Eq;
    fn key(&self) -> &Self::Key;
}

impl<V: Trace + Keyed + 'static> Default for WeakIndex<V> {
    fn default() -> Self {
        Self {
            buckets: RefCell::default(),
            entries: Cell::new(0),
            prune_at: Cell::new(64),
        }
    }
}

impl<V: Trace + Keyed + 'static> WeakIndex<V> {
    fn hash(key: &V::Key) -> u64 {
        // Fixed keys: a bucket must be found again from the same key.
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        hasher.finish()
    }

    /// Indexes `value` by its key. Dead entries are dropped as the index grows, so its size
    /// follows the live values.
    pub(crate) fn insert(&self, value: &Gc<V>) {
        if self.entries.get() >= self.prune_at.get() {
            self.prune();
        }
        self.buckets
            .borrow_mut()
            .entry(Self::hash(value.key()))
            .or_default()
            .push(WeakGc::new(value));
        self.entries.set(self.entries.get() + 1);
    }

    /// Drops the entries whose values were collected.
    pub(crate) fn prune(&self) {
        let mut buckets = self.buckets.borrow_mut();
        buckets.retain(|_, bucket| {
            bucket.retain(|entry| entry.upgrade().is_some());
            !bucket.is_empty()
        });
        buckets.shrink_to_fit();
        let live = buckets.values().map(Vec::len).sum();
        self.entries.set(live);
        self.prune_at.set((live * 2).max(64));
    }

    /// The live value indexed by `key`.
    pub(crate) fn get(&self, key: &V::Key) -> Option<Gc<V>> {
        self.buckets
            .borrow()
            .get(&Self::hash(key))?
            .iter()
            .filter_map(WeakGc::upgrade)
            .find(|value| value.key() == key)
    }

    /// Every live value.
    pub(crate) fn values(&self) -> Vec<Gc<V>> {
        self.buckets
            .borrow()
            .values()
            .flatten()
            .filter_map(WeakGc::upgrade)
            .collect()
    }
}

/// Whether `object` has more own keys made up from its contents than are worth listing: a
/// `String` wrapper has one per code unit, a typed array one per element, all primitives.
/// (`String.prototype` is a `String` wrapper too, of the empty string, with the methods.)
pub(crate) fn has_many_synthesized_keys(object: &JsObject) -> bool {
    const FEW: usize = 64;
    if let Some(text) = object.downcast_ref::<JsString>() {
        return text.len() > FEW;
    }
    // Only instances carry [[TypedArrayName]]; the prototypes are ordinary objects.
    object.is::<TypedArray>()
}
