//! Small helpers every layer uses (a leaf: it depends on no other module of the crate).

use std::{
    cell::{Cell, RefCell},
    collections::HashMap,
    hash::{Hash, Hasher},
};

use boa_engine::{Context, JsObject, JsResult, js_string, property::PropertyDescriptor};
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
