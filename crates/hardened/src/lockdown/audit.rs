//! `mutabilities(root)`: every path from `root` to mutable state (as XS's audit), so a host can
//! check what it is about to hand out.
//!
//! The walk follows own properties (accessors' get/set, never calling them) and
//! `[[Prototype]]`s. It reports an object that is extensible or has a writable or configurable
//! own property, and an object whose internal slots stay mutable even when frozen (`Map`,
//! `Set`, `WeakMap`, `WeakSet`, `Date`, array buffers and their views). A proxy is reported and
//! not entered: describing it would run its traps.

use boa_engine::{
    Context, JsObject, JsResult, JsValue,
    builtins::proxy::Proxy,
    object::builtins::{
        JsArrayBuffer, JsDataView, JsDate, JsMap, JsSet, JsSharedArrayBuffer, JsTypedArray,
        JsWeakMap, JsWeakSet,
    },
};
use indexmap::IndexMap;

use crate::commons::key_text;

/// The audit's findings: one line per mutable path, and how many objects were walked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mutabilities {
    /// `path: why`, e.g. `globalThis.config: extensible, writable 'debug'`.
    pub paths: Vec<String>,
    /// Distinct objects reached.
    pub objects_walked: usize,
}

/// Walks from `root`, naming it `root_name` in the paths.
pub(crate) fn audit(
    root: &JsValue,
    root_name: &str,
    context: &mut Context,
) -> JsResult<Mutabilities> {
    let mut seen: IndexMap<JsObject, String> = IndexMap::new();
    if let Some(object) = root.as_object() {
        seen.insert(object, root_name.to_owned());
    }
    let mut paths = Vec::new();
    let mut next = 0;
    while let Some((object, path)) = seen.get_index(next).map(|(o, p)| (o.clone(), p.clone())) {
        next += 1;
        if object.is::<Proxy>() {
            paths.push(format!("{path}: proxy"));
            continue;
        }
        let mut reasons = Vec::new();
        if object.is_extensible(context)? {
            reasons.push("extensible".to_owned());
        }
        if has_mutable_slots(&object) {
            reasons.push("mutable internal state".to_owned());
        }
        let mut children = Vec::new();
        if let Some(prototype) = object.prototype() {
            children.push((prototype, format!("{path}.__proto__")));
        }
        for key in object.own_property_keys(context)? {
            let Some(descriptor) = object.borrow().properties().get(&key) else {
                continue;
            };
            let name = key_text(&key);
            if descriptor.configurable() == Some(true) {
                reasons.push(format!("configurable '{name}'"));
            } else if descriptor.writable() == Some(true) {
                reasons.push(format!("writable '{name}'"));
            }
            if let Some(value) = descriptor.value().and_then(JsValue::as_object) {
                children.push((value, format!("{path}.{name}")));
            }
            for (accessor, label) in [(descriptor.get(), "get"), (descriptor.set(), "set")] {
                if let Some(function) = accessor.and_then(JsValue::as_object) {
                    children.push((function, format!("{path}.{name}[{label}]")));
                }
            }
        }
        if !reasons.is_empty() {
            paths.push(format!("{path}: {}", reasons.join(", ")));
        }
        for (child, child_path) in children {
            seen.entry(child).or_insert(child_path);
        }
    }
    Ok(Mutabilities {
        paths,
        objects_walked: seen.len(),
    })
}

fn has_mutable_slots(object: &JsObject) -> bool {
    let o = || object.clone();
    JsMap::from_object(o()).is_ok()
        || JsSet::from_object(o()).is_ok()
        || JsWeakMap::from_object(o()).is_ok()
        || JsWeakSet::from_object(o()).is_ok()
        || JsDate::from_object(o()).is_ok()
        || JsArrayBuffer::from_object(o()).is_ok()
        || JsSharedArrayBuffer::from_object(o()).is_ok()
        || JsDataView::from_object(o()).is_ok()
        || JsTypedArray::from_object(o()).is_ok()
}
