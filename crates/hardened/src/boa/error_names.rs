//! Native error names: Boa 0.22 displays the `URIError` kind as "UriError".

use boa_engine::JsNativeErrorKind;

/// The constructor name of a native error of `kind`.
pub(crate) fn native_error_name(kind: &JsNativeErrorKind) -> String {
    match kind {
        JsNativeErrorKind::Uri => "URIError".to_owned(),
        kind => kind.to_string(),
    }
}
