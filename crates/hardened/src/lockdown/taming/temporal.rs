//! `%SharedTemporal%`: compartments get `Temporal` without `Now` (the clock); the start
//! compartment keeps the original as `%InitialTemporal%`.

use boa_engine::{Context, JsResult};

use super::copy_without;
use crate::lockdown::Intrinsics;

pub(crate) fn tame(intrinsics: &mut Intrinsics, context: &mut Context) -> JsResult<()> {
    if let Some(initial) = intrinsics.get("%InitialTemporal%").cloned() {
        let shared = copy_without(&initial, "Now", context)?;
        intrinsics.bind("%SharedTemporal%", shared)?;
    }
    Ok(())
}
