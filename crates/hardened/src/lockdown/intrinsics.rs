//! The named intrinsics lockdown works on, and the permit walk that enforces the table.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsSymbol, JsValue, js_string,
    property::{PropertyDescriptor, PropertyKey},
};
use indexmap::IndexMap;

use super::Reporter;
use crate::permits::{Permit, record_of};

/// Intrinsic name → object. Filled from the realm's globals and Boa's anonymous intrinsics,
/// then by the permit walk as it follows `Is` permits.
pub(crate) struct Intrinsics {
    by_name: IndexMap<&'static str, JsObject>,
}

impl Intrinsics {
    pub(crate) fn new() -> Self {
        Self {
            by_name: IndexMap::new(),
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&JsObject> {
        self.by_name.get(name)
    }

    /// The intrinsic `name`; lockdown only asks for intrinsics it has itself collected.
    pub(crate) fn expect(&self, name: &str) -> JsResult<JsObject> {
        self.get(name).cloned().ok_or_else(|| {
            JsNativeError::typ()
                .with_message(format!("lockdown: intrinsic {name} is missing"))
                .into()
        })
    }

    pub(crate) fn objects(&self) -> impl Iterator<Item = (&'static str, &JsObject)> {
        self.by_name.iter().map(|(name, object)| (*name, object))
    }

    /// Binds `name` to `object`, failing if it is already bound to another object.
    /// Makes `object` the intrinsic `name` from now on (a taming's replacement): the permits,
    /// hardening and new compartments' globals see it; the original stays where it was.
    pub(crate) fn replace(&mut self, name: &'static str, object: JsObject) {
        self.by_name.insert(name, object);
    }

    pub(crate) fn bind(&mut self, name: &'static str, object: JsObject) -> JsResult<bool> {
        match self.by_name.get(name) {
            Some(existing) if *existing == object => Ok(false),
            Some(_) => Err(JsNativeError::typ()
                .with_message(format!("Conflicting definitions of {name}"))
                .into()),
            None => {
                self.by_name.insert(name, object);
                Ok(true)
            }
        }
    }

    /// Enforces the permits on every intrinsic reachable from those bound so far: removes what
    /// is not permitted, checks the shape of what is, and binds the intrinsics it finds.
    pub(crate) fn enforce_permits(
        &mut self,
        reporter: &mut Reporter,
        context: &mut Context,
    ) -> JsResult<()> {
        let well_known = well_known_symbols(self, context)?;
        let mut next = 0;
        while next < self.by_name.len() {
            let (name, object) = self
                .by_name
                .get_index(next)
                .map(|(name, object)| (*name, object.clone()))
                .expect("index is in bounds");
            next += 1;
            self.visit(name, &object, &well_known, reporter, context)?;
        }
        Ok(())
    }

    fn visit(
        &mut self,
        name: &'static str,
        object: &JsObject,
        well_known: &[(JsSymbol, String)],
        reporter: &mut Reporter,
        context: &mut Context,
    ) -> JsResult<()> {
        let record = record_of(name).ok_or_else(|| {
            JsNativeError::typ().with_message(format!("Expected permit object at permits.{name}"))
        })?;
        match (record.proto, object.prototype()) {
            (None, None) => {}
            (Some(expected), Some(actual)) => {
                if self.bind(expected, actual).is_err() {
                    return Err(unexpected_prototype(name, expected));
                }
            }
            (expected, _) => return Err(unexpected_prototype(name, expected.unwrap_or("null"))),
        }
        for key in object.own_property_keys(context)? {
            let key_name = permit_key(&key, well_known);
            let Some(descriptor) = object.borrow().properties().get(&key) else {
                continue;
            };
            let path = || format!("intrinsics.{name}.{key_name}");
            match record.permit(&key_name) {
                None => {
                    reporter.warn(format!("Removing {}", path()));
                    remove(object, key, &path(), context)?;
                }
                Some(Permit::Remove) => remove(object, key, &path(), context)?,
                Some(Permit::Fn) => {
                    check_function(data(&descriptor, &path)?, &path, reporter, context)?
                }
                Some(Permit::Prim(expected)) => {
                    let value = data(&descriptor, &path)?;
                    let actual = value.type_of();
                    if actual != expected || value.is_object() {
                        return Err(JsNativeError::typ()
                            .with_message(format!("At {} expected {expected} not {actual}", path()))
                            .into());
                    }
                }
                Some(Permit::Is(intrinsic)) => {
                    let Some(value) = data(&descriptor, &path)?.as_object() else {
                        return Err(mismatch(&path()));
                    };
                    if self.bind(intrinsic, value).is_err() {
                        return Err(JsNativeError::typ()
                            .with_message(format!(
                                "Does not match permit for {} (expected {intrinsic})",
                                path()
                            ))
                            .into());
                    }
                }
                Some(permit @ (Permit::Get | Permit::GetSet)) => {
                    if !descriptor.is_accessor_descriptor() {
                        return Err(JsNativeError::typ()
                            .with_message(format!("Accessor expected at {}", path()))
                            .into());
                    }
                    let getter = descriptor.get().cloned().unwrap_or_default();
                    check_function(&getter, &|| format!("{}[[Get]]", path()), reporter, context)?;
                    let setter = descriptor.set().cloned().unwrap_or_default();
                    if permit == Permit::GetSet {
                        check_function(
                            &setter,
                            &|| format!("{}[[Set]]", path()),
                            reporter,
                            context,
                        )?;
                    } else if !setter.is_undefined() {
                        return Err(JsNativeError::typ()
                            .with_message(format!("At {} expected no setter", path()))
                            .into());
                    }
                }
            }
        }
        Ok(())
    }
}

/// The own data value of a property permitted as data.
fn data<'a>(
    descriptor: &'a PropertyDescriptor,
    path: &dyn Fn() -> String,
) -> JsResult<&'a JsValue> {
    descriptor.value().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!("Accessor not expected at {}", path()))
            .into()
    })
}

fn mismatch(path: &str) -> boa_engine::JsError {
    JsNativeError::typ()
        .with_message(format!("Does not match permit for {path}"))
        .into()
}

fn unexpected_prototype(name: &str, expected: &str) -> boa_engine::JsError {
    JsNativeError::typ()
        .with_message(format!(
            "Unexpected [[Prototype]] at intrinsics.{name}.__proto__ (expected {expected})"
        ))
        .into()
}

/// A function permitted as SES `fn`: only `length` and `name` of its own, anything else is
/// removed with a report.
fn check_function(
    value: &JsValue,
    path: &dyn Fn() -> String,
    reporter: &mut Reporter,
    context: &mut Context,
) -> JsResult<()> {
    let Some(function) = value.as_object().filter(JsObject::is_callable) else {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "At {} expected function not {}",
                path(),
                value.type_of()
            ))
            .into());
    };
    for key in function.own_property_keys(context)? {
        let is_instance_key = matches!(&key, PropertyKey::String(s) if s == &js_string!("length") || s == &js_string!("name"));
        if !is_instance_key {
            let key_path = format!("{}.{}", path(), crate::commons::key_text(&key));
            reporter.warn(format!("Removing {key_path}"));
            remove(&function, key, &key_path, context)?;
        }
    }
    Ok(())
}

fn remove(object: &JsObject, key: PropertyKey, path: &str, context: &mut Context) -> JsResult<()> {
    if object.delete_property_or_throw(key, context).is_err() {
        return Err(JsNativeError::typ()
            .with_message(format!("failed to delete {path}"))
            .into());
    }
    Ok(())
}

/// The permit-table spelling of a key: `@@name` for well-known symbols.
fn permit_key(key: &PropertyKey, well_known: &[(JsSymbol, String)]) -> String {
    match key {
        PropertyKey::Symbol(symbol) => well_known
            .iter()
            .find(|(known, _)| known == symbol)
            .map_or_else(
                || {
                    format!(
                        "UniqueSymbol({})",
                        symbol
                            .description()
                            .map(|d| d.to_std_string_escaped())
                            .unwrap_or_default()
                    )
                },
                |(_, name)| format!("@@{name}"),
            ),
        other => crate::commons::key_text(other),
    }
}

/// The well-known symbols, read from `Symbol`'s own symbol-valued properties.
fn well_known_symbols(
    intrinsics: &Intrinsics,
    context: &mut Context,
) -> JsResult<Vec<(JsSymbol, String)>> {
    let symbol = intrinsics.expect("Symbol")?;
    let mut known = Vec::new();
    for key in symbol.own_property_keys(context)? {
        let PropertyKey::String(name) = &key else {
            continue;
        };
        if let Some(value) = symbol
            .borrow()
            .properties()
            .get(&key)
            .and_then(|d| d.value().cloned())
            && let Some(well_known) = value.as_symbol()
        {
            known.push((well_known, name.to_std_string_escaped()));
        }
    }
    Ok(known)
}
