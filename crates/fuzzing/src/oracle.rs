//! What must hold after any guest program: it ran in a fresh compartment of a locked-down
//! engine, so no intrinsic, no other compartment and nothing of the host's start compartment
//! may have changed, Boa must not have panicked, and the engine must still work.

use std::{collections::HashMap, time::Duration};

use hardened::{
    CompartmentOptions, Engine, Error, Limits, LockdownOptions,
    boa_engine::{
        Context, JsArgs, JsObject, JsResult, JsString, JsValue, NativeFunction,
        builtins::proxy::Proxy,
    },
    lockdown::Reporting,
};

/// Objects made by syntax rather than reachable from a global: walked as extra roots.
const SYNTAX_ROOTS: &str = "[function*(){}, async function(){}, async function*(){}, \
    [][Symbol.iterator](), [].values().map(x => x), (function(){ return arguments })()]\
    .map(Object.getPrototypeOf)";

/// Numbers objects in the order they are first met; primitives stand for themselves.
#[derive(Default)]
struct Ids {
    ids: HashMap<JsObject, usize>,
    order: Vec<JsObject>,
}

impl Ids {
    fn of(&mut self, value: Option<&JsValue>) -> String {
        let Some(value) = value else {
            return "-".to_owned();
        };
        let Some(object) = value.as_object() else {
            return format!("{}:{}", value.type_of(), value.display());
        };
        let next = self.ids.len();
        let id = *self.ids.entry(object.clone()).or_insert(next);
        if id == next {
            self.order.push(object);
        }
        format!("#{id}")
    }
}

/// A broken guarantee.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Finding {
    /// Boa panicked (contained by the engine, which is now unusable).
    #[error("Boa panicked: {0}")]
    Panic(String),
    /// Something reachable from the host or a bystander changed.
    #[error("shared state changed; first difference:\n  before: {before}\n  after:  {after}")]
    Changed {
        /// The first differing snapshot line before the program ran.
        before: String,
        /// The same line afterwards.
        after: String,
    },
    /// The engine no longer evaluates `6 * 7` correctly in a new compartment.
    #[error("the engine stopped working: {0}")]
    Broken(String),
    /// Something the guest can reach is host power.
    #[error("the guest holds host power: {0}")]
    Power(String),
}

/// A host function guests get, as hosts endow them: it coerces its argument to a string, so it
/// runs whatever `toString` the guest hands it, with no compartment code on the stack.
fn describe(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = args.get_or_undefined(0).to_string(context)?;
    Ok(JsString::from(format!("value: {}", text.to_std_string_escaped())).into())
}

/// A locked-down engine with a bystander compartment and the snapshot taken before any guest
/// ran. Programs run one after another in the same engine (each in a fresh compartment), as
/// a host runs its guests; the snapshot must stay the same across all of them.
pub struct Oracle {
    engine: Engine,
    /// The start compartment's global, the bystander's global and the syntax-made roots.
    roots: Vec<JsObject>,
    before: Vec<String>,
    /// What no guest may reach, by name: the start compartment's global, evaluators and
    /// `Compartment`, the realm's own evaluators, and a canary only the start compartment holds.
    powers: Vec<(&'static str, JsObject)>,
}

impl Default for Oracle {
    fn default() -> Self {
        Self::new()
    }
}

impl Oracle {
    /// Builds and locks down the engine, with limits that keep every program short.
    ///
    /// # Panics
    /// If the engine cannot be built or locked down (a bug, not a finding).
    #[must_use]
    pub fn new() -> Self {
        let mut engine = Engine::new().expect("engine");
        engine
            .lockdown(LockdownOptions {
                reporting: Reporting::None,
                ..LockdownOptions::default()
            })
            .expect("lockdown");
        engine.set_limits(
            Limits::new()
                .loop_iterations(10_000)
                .recursion(200)
                .timeout(Duration::from_secs(1))
                .pending_jobs(10_000),
        );
        let bystander = engine
            .new_compartment(
                CompartmentOptions::new()
                    .name("bystander")
                    .global("token", 7),
            )
            .expect("bystander");
        let start = engine.start_compartment().clone();
        let syntax_roots = engine
            .evaluate_value(&start, SYNTAX_ROOTS)
            .ok()
            .and_then(|value| value.as_object())
            .expect("syntax-made roots");
        let mut roots = vec![start.global_object(), bystander.global_object()];
        let count: u32 = engine.get(&syntax_roots, "length").expect("roots length");
        for index in 0..count {
            let root = engine.get::<JsValue>(&syntax_roots, &index.to_string());
            roots.extend(root.ok().and_then(|root| root.as_object()));
        }
        let canary = JsObject::with_null_proto();
        let start_global = start.global_object();
        let context = engine.raw_context();
        start_global
            .set(JsString::from("canary"), canary.clone(), true, context)
            .expect("canary");
        let mut powers = vec![
            ("the start compartment's globalThis", start_global.clone()),
            ("a canary", canary),
        ];
        for name in ["eval", "Function", "Compartment"] {
            let value = start_global.get(JsString::from(name), context).expect(name);
            powers.extend(value.as_object().map(|object| (name, object)));
        }
        let realm = context.intrinsics();
        powers.push(("the realm's %eval%", realm.objects().eval().into()));
        powers.push((
            "the realm's %Function%",
            realm.constructors().function().constructor(),
        ));
        let mut oracle = Self {
            engine,
            roots,
            before: Vec::new(),
            powers,
        };
        oracle.before = oracle.snapshot();
        oracle
    }

    /// Every object reachable from the roots through prototypes and own properties (accessor
    /// functions included, getters never called), one line per object and per own property:
    /// prototype, extensibility, attributes and value identity. Read from Rust, so nothing the
    /// guest could have changed runs.
    fn snapshot(&mut self) -> Vec<String> {
        let roots = self.roots.clone();
        Self::walk(&roots, &mut self.engine).1
    }

    /// Every object reachable from `roots` (in the order met) and the snapshot lines.
    fn walk(roots: &[JsObject], engine: &mut Engine) -> (Vec<JsObject>, Vec<String>) {
        let context = engine.raw_context();
        let mut ids = Ids::default();
        for root in roots {
            ids.of(Some(&root.clone().into()));
        }
        let mut lines = Vec::new();
        let mut at = 0;
        while let Some(object) = ids.order.get(at).cloned() {
            at += 1;
            if object.is::<Proxy>() {
                lines.push(format!("#{} proxy", at - 1));
                continue;
            }
            let prototype = object.prototype().map(JsValue::from);
            let extensible = object.is_extensible(context).unwrap_or(true);
            lines.push(format!(
                "#{} proto={} ext={extensible}",
                at - 1,
                ids.of(prototype.as_ref())
            ));
            for key in object.own_property_keys(context).unwrap_or_default() {
                let Some(property) = object.borrow().properties().get(&key) else {
                    continue;
                };
                lines.push(format!(
                    "  {key} w={:?} e={:?} c={:?} v={} g={} s={}",
                    property.writable(),
                    property.enumerable(),
                    property.configurable(),
                    ids.of(property.value()),
                    ids.of(property.get()),
                    ids.of(property.set()),
                ));
            }
        }
        (ids.order, lines)
    }

    /// The name of the first host power reachable from `root`, walking prototypes and own
    /// properties (accessor functions included) from Rust.
    fn power_reachable_from(&mut self, root: &JsObject) -> Option<&'static str> {
        let (held, _) = Self::walk(std::slice::from_ref(root), &mut self.engine);
        self.powers
            .iter()
            .find(|(_, power)| held.iter().any(|object| JsObject::equals(object, power)))
            .map(|(name, _)| *name)
    }

    /// Runs `program` in a fresh compartment (then its promise jobs) and checks every
    /// guarantee. The program may throw or hit a limit: only the guarantees matter.
    ///
    /// # Errors
    /// The first guarantee found broken.
    pub fn check(&mut self, program: &str) -> Result<(), Finding> {
        let panicked = |error: Error| match error {
            Error::Unusable(message) => Finding::Panic(message),
            other => Finding::Broken(other.to_string()),
        };
        let guest = self
            .engine
            .new_compartment(CompartmentOptions::new().name("guest").function(
                "describe",
                1,
                NativeFunction::from_fn_ptr(describe),
            ))
            .map_err(panicked)?;
        let ran = self.engine.evaluate_value(&guest, program).map(drop);
        let drained = self.engine.run_jobs();
        for result in [ran, drained] {
            if let Err(Error::Unusable(message)) = result {
                return Err(Finding::Panic(message));
            }
        }
        if let Some(name) = self.power_reachable_from(&guest.global_object()) {
            return Err(Finding::Power(name.to_owned()));
        }
        let after = self.snapshot();
        if after != self.before {
            let (before, after) = self
                .before
                .iter()
                .zip(&after)
                .find(|(before, after)| before != after)
                .map_or_else(
                    || ("(same lines)".to_owned(), "(a different count)".to_owned()),
                    |(b, a)| (b.clone(), a.clone()),
                );
            return Err(Finding::Changed { before, after });
        }
        let probe = self
            .engine
            .new_compartment(CompartmentOptions::new())
            .and_then(|probe| self.engine.evaluate::<i32>(&probe, "6 * 7"));
        match probe {
            Ok(42) => Ok(()),
            other => Err(Finding::Broken(format!("{other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle sees changes made where no guest should reach: the host's start compartment
    /// and a bystander compartment.
    #[test]
    fn changes_outside_the_guest_are_findings() {
        let changed =
            |oracle: &mut Oracle| matches!(oracle.check("1"), Err(Finding::Changed { .. }));
        for change in ["globalThis.leak = 1", "delete globalThis.Compartment"] {
            let mut oracle = Oracle::new();
            assert_eq!(
                oracle.check("globalThis.mine = 1"),
                Ok(()),
                "the guest's own global"
            );
            let start = oracle.engine.start_compartment().clone();
            oracle.engine.evaluate_value(&start, change).unwrap();
            assert!(changed(&mut oracle), "{change}");
        }
        let mut oracle = Oracle::new();
        let bystander = oracle.roots[1].clone();
        oracle.engine.set(&bystander, "token", 8).unwrap();
        assert!(changed(&mut oracle), "bystander");
    }

    /// The power check sees host power wherever it is reachable, and none from a compartment.
    #[test]
    fn host_power_reachable_by_a_guest_is_a_finding() {
        let mut oracle = Oracle::new();
        let start = oracle.engine.start_compartment().global_object();
        assert!(oracle.power_reachable_from(&start).is_some());
        let guest = oracle
            .engine
            .new_compartment(CompartmentOptions::new())
            .unwrap();
        assert_eq!(oracle.power_reachable_from(&guest.global_object()), None);
        let leak = oracle
            .engine
            .new_compartment(CompartmentOptions::new().global("leak", JsValue::from(start)))
            .unwrap();
        assert_eq!(
            oracle.power_reachable_from(&leak.global_object()),
            Some("the start compartment's globalThis")
        );
        assert_eq!(oracle.check("h = typeof describe"), Ok(()));
    }
}
