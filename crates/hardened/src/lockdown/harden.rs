//! `harden(value)`: freezes the transitive closure of a value over own properties (string and
//! symbol keys; accessors' get/set, never calling them) and `[[Prototype]]`s.
//!
//! Objects are frozen as they are reached (so a proxy cannot add properties behind the walk)
//! and recorded as hardened only when the whole closure succeeded. If a proxy trap throws
//! midway, `harden` throws: what was frozen stays frozen, nothing is recorded, and a later
//! `harden` walks it again — so no object is ever claimed hardened with a mutable part.
//! Typed arrays are made non-extensible with their non-index properties frozen; their elements
//! stay writable, as in SES.

use crate::commons::freeze;
use boa_engine::{
    Context, JsObject, JsResult, JsValue,
    builtins::{object::OrdinaryObject, proxy::Proxy},
    object::builtins::JsWeakSet,
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
