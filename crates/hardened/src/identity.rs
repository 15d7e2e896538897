//! Which engine a compartment or a native belongs to.

use boa_engine::{Context, JsError, JsResult};

/// An engine's identity: minted once per engine and kept as context host data, in every
/// compartment record and in every checked native. A compartment or a native runs only with
/// its own engine's context (another engine's would run it over that engine's intrinsics,
/// unlocked ones included, and its host data), so every way a record is reached from a handle
/// or an instance checks it (`CompartmentRecord::belongs`), and so does every native's entry
/// check (`bounded::reentry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EngineId(u64);

impl EngineId {
    /// Gives `context` a new identity (once, when its engine is built).
    pub(crate) fn install(context: &mut Context) {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = Self(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        context.insert_data(id);
    }

    /// The identity of `context`'s engine; `None` for a context no engine built.
    pub(crate) fn of(context: &Context) -> Option<Self> {
        context.get_data::<Self>().copied()
    }

    /// Fails unless `context` is this engine's, with an error guest code cannot catch: a
    /// catchable one would be made in the callee's realm and hand the caller another engine's
    /// intrinsics. The host sees [`Error::WrongEngine`](crate::Error::WrongEngine).
    pub(crate) fn check(self, context: &Context) -> JsResult<()> {
        if Self::of(context) == Some(self) {
            Ok(())
        } else {
            Err(wrong_engine())
        }
    }
}

/// The tag of the error [`EngineId::check`] fails with.
pub(crate) const WRONG_ENGINE: &str = "WrongEngine";

fn wrong_engine() -> JsError {
    crate::boa::uncatchable::uncatchable(WRONG_ENGINE)
}
