//! `%SharedMath%`: compartments get a `Math` whose `random()` throws (an ambient source of
//! nondeterminism); the start compartment keeps the original as `%InitialMath%`.

use boa_engine::{Context, JsResult, js_string};

use super::{copy_without, replace_value, thrower};
use crate::lockdown::Intrinsics;

pub(crate) fn tame(intrinsics: &mut Intrinsics, context: &mut Context) -> JsResult<()> {
    let shared = copy_without(&intrinsics.expect("%InitialMath%")?, "random", context)?;
    let random = thrower(
        context,
        "random",
        0,
        "secure mode %SharedMath%.random() throws",
    );
    replace_value(&shared, js_string!("random"), random, context)?;
    intrinsics.bind("%SharedMath%", shared)?;
    Ok(())
}
