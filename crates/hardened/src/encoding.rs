//! `TextEncoder` and `TextDecoder` (WHATWG Encoding, UTF-8), which SES permits in every
//! compartment and Boa 0.22 lacks. They are registered before the realm's globals become the
//! universal globals, so they are shared intrinsics like any other: permit-checked and frozen
//! by lockdown, with the native entry check. Instances hold only their own decoding state.

use std::cell::{Cell, RefCell};

use boa_engine::{
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    class::{Class, ClassBuilder},
    js_string,
    object::{
        FunctionObjectBuilder, ObjectInitializer,
        builtins::{JsArrayBuffer, JsDataView, JsSharedArrayBuffer, JsTypedArray, JsUint8Array},
    },
    property::Attribute,
    symbol::JsSymbol,
};
use boa_gc::{Finalize, Trace};

use crate::bounded::{MAX_STRING_LENGTH, too_long};

/// Registers both classes on the realm's global object.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    context.register_global_class::<TextEncoder>()?;
    context.register_global_class::<TextDecoder>()?;
    Ok(())
}

/// The most bytes an encoding may produce: Boa's own limit on an `ArrayBuffer`.
const MAX_BYTES: usize = 1_500_000_000;

#[derive(Trace, Finalize, JsData)]
struct TextEncoder;

impl Class for TextEncoder {
    const NAME: &'static str = "TextEncoder";
    const ATTRIBUTES: Attribute = Attribute::WRITABLE.union(Attribute::CONFIGURABLE);

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        let encoding = getter(class.context(), "encoding", |this, _| {
            this_encoder(this)?;
            Ok(js_string!("utf-8").into())
        });
        class
            .accessor(
                js_string!("encoding"),
                Some(encoding),
                None,
                Attribute::CONFIGURABLE,
            )
            .method(js_string!("encode"), 0, NativeFunction::from_fn_ptr(encode))
            .method(
                js_string!("encodeInto"),
                2,
                NativeFunction::from_fn_ptr(encode_into),
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("TextEncoder"),
                Attribute::CONFIGURABLE,
            );
        Ok(())
    }

    fn data_constructor(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<Self> {
        Ok(Self)
    }
}

fn this_encoder(this: &JsValue) -> JsResult<()> {
    if this
        .as_object()
        .is_some_and(|object| object.is::<TextEncoder>())
    {
        Ok(())
    } else {
        Err(JsNativeError::typ()
            .with_message("'this' is not a TextEncoder")
            .into())
    }
}

/// A getter function for a class accessor.
fn getter(
    context: &mut Context,
    name: &str,
    get: fn(&JsValue, &mut Context) -> JsResult<JsValue>,
) -> boa_engine::object::builtins::JsFunction {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure(move |this, _, context| get(this, context)),
    )
    .name(JsString::from(format!("get {name}")))
    .build()
}

/// The UTF-8 bytes of `string`'s code points, a lone surrogate as U+FFFD.
fn utf8_of(string: &JsString) -> impl Iterator<Item = char> + '_ {
    char::decode_utf16(string.iter()).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
}

/// `encode(input = "")`: a new Uint8Array of the UTF-8 encoding.
fn encode(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_encoder(this)?;
    let input = match args.get_or_undefined(0) {
        value if value.is_undefined() => JsString::default(),
        value => value.to_string(context)?,
    };
    // Measured first: the size is the guest's, so it is checked before anything is reserved.
    let size: usize = utf8_of(&input).map(char::len_utf8).sum();
    if size > MAX_BYTES {
        return Err(JsNativeError::range()
            .with_message(format!(
                "encode: {size} bytes exceed the largest ArrayBuffer"
            ))
            .into());
    }
    let mut bytes = Vec::with_capacity(size);
    let mut buffer = [0; 4];
    for c in utf8_of(&input) {
        bytes.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    }
    Ok(JsUint8Array::from_iter(bytes, context)?.into())
}

/// `encodeInto(source, destination)`: writes whole code points while they fit and returns
/// `{read, written}` (UTF-16 code units read, bytes written).
fn encode_into(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_encoder(this)?;
    let source = args.get_or_undefined(0).to_string(context)?;
    let destination = args
        .get_or_undefined(1)
        .as_object()
        .and_then(|object| JsUint8Array::from_object(object).ok())
        .ok_or_else(|| {
            JsNativeError::typ().with_message("encodeInto: the destination must be a Uint8Array")
        })?;
    let typed: &JsTypedArray = &destination;
    let capacity = typed.byte_length(context)?;
    // The code points that fit, encoded: at most the destination's length (memory that exists).
    let (mut read, mut staged) = (0usize, Vec::new());
    let mut encoded = [0; 4];
    for c in utf8_of(&source) {
        let bytes = c.encode_utf8(&mut encoded).as_bytes();
        if staged.len() + bytes.len() > capacity {
            break;
        }
        staged.extend_from_slice(bytes);
        read += c.len_utf16();
    }
    let offset = typed.byte_offset(context)?;
    let buffer = typed.buffer(context)?.as_object();
    match buffer.and_then(|buffer| JsArrayBuffer::from_object(buffer).ok()) {
        Some(array_buffer) => {
            if let Some(mut data) = array_buffer.data_mut() {
                let start = offset.min(data.len());
                let end = (start + staged.len()).min(data.len());
                data[start..end].copy_from_slice(&staged[..end - start]);
            }
        }
        // A shared buffer: element stores, which run no guest code on a real Uint8Array.
        None => {
            for (index, byte) in staged.iter().enumerate() {
                destination.set(index, *byte, true, context)?;
            }
        }
    }
    let written = staged.len();
    let result = ObjectInitializer::new(context)
        .property(js_string!("read"), read, Attribute::all())
        .property(js_string!("written"), written, Attribute::all())
        .build();
    Ok(result.into())
}

/// A decoder's state between `decode(…, {stream: true})` calls.
#[derive(Trace, Finalize, JsData)]
struct TextDecoder {
    fatal: bool,
    ignore_bom: bool,
    /// The bytes of an incomplete sequence at the end of the last streamed chunk.
    #[unsafe_ignore_trace]
    pending: RefCell<Vec<u8>>,
    /// Whether output has been produced since the stream began (a BOM is only stripped first).
    #[unsafe_ignore_trace]
    started: Cell<bool>,
}

/// The labels of UTF-8 (WHATWG Encoding, after trimming and lowercasing).
const UTF8_LABELS: &[&str] = &[
    "unicode-1-1-utf-8",
    "unicode11utf8",
    "unicode20utf8",
    "utf-8",
    "utf8",
    "x-unicode20utf8",
];

impl Class for TextDecoder {
    const NAME: &'static str = "TextDecoder";
    const ATTRIBUTES: Attribute = Attribute::WRITABLE.union(Attribute::CONFIGURABLE);

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        let encoding = getter(class.context(), "encoding", |this, _| {
            this_decoder(this, |_| Ok(js_string!("utf-8").into()))
        });
        let fatal = getter(class.context(), "fatal", |this, _| {
            this_decoder(this, |decoder| Ok(decoder.fatal.into()))
        });
        let ignore_bom = getter(class.context(), "ignoreBOM", |this, _| {
            this_decoder(this, |decoder| Ok(decoder.ignore_bom.into()))
        });
        class
            .accessor(
                js_string!("encoding"),
                Some(encoding),
                None,
                Attribute::CONFIGURABLE,
            )
            .accessor(
                js_string!("fatal"),
                Some(fatal),
                None,
                Attribute::CONFIGURABLE,
            )
            .accessor(
                js_string!("ignoreBOM"),
                Some(ignore_bom),
                None,
                Attribute::CONFIGURABLE,
            )
            .method(js_string!("decode"), 0, NativeFunction::from_fn_ptr(decode))
            .property(
                JsSymbol::to_string_tag(),
                js_string!("TextDecoder"),
                Attribute::CONFIGURABLE,
            );
        Ok(())
    }

    fn data_constructor(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        let label = match args.get_or_undefined(0) {
            value if value.is_undefined() => "utf-8".to_owned(),
            value => value.to_string(context)?.to_std_string_escaped(),
        };
        let normalized = label
            .trim_matches(['\t', '\n', '\u{c}', '\r', ' '])
            .to_ascii_lowercase();
        if !UTF8_LABELS.contains(&normalized.as_str()) {
            return Err(JsNativeError::range()
                .with_message(format!(
                    "the encoding label '{label}' is not supported (this TextDecoder decodes UTF-8 only)"
                ))
                .into());
        }
        let options = args.get_or_undefined(1);
        let option = |name: &str, context: &mut Context| -> JsResult<bool> {
            match options.as_object() {
                Some(options) => Ok(options.get(JsString::from(name), context)?.to_boolean()),
                None if options.is_null_or_undefined() => Ok(false),
                None => Err(JsNativeError::typ()
                    .with_message("TextDecoder options must be an object")
                    .into()),
            }
        };
        let fatal = option("fatal", context)?;
        let ignore_bom = option("ignoreBOM", context)?;
        Ok(Self {
            fatal,
            ignore_bom,
            pending: RefCell::new(Vec::new()),
            started: Cell::new(false),
        })
    }
}

fn this_decoder(
    this: &JsValue,
    f: impl FnOnce(&TextDecoder) -> JsResult<JsValue>,
) -> JsResult<JsValue> {
    let object = this.as_object();
    let decoder = object
        .as_ref()
        .and_then(JsObject::downcast_ref::<TextDecoder>)
        .ok_or_else(|| JsNativeError::typ().with_message("'this' is not a TextDecoder"))?;
    f(&decoder)
}

/// The bytes a BufferSource views (a copy: decoding never holds a borrow across guest code).
fn buffer_source_bytes(value: &JsValue, context: &mut Context) -> JsResult<Vec<u8>> {
    let not_a_buffer = || {
        JsNativeError::typ()
            .with_message("decode: the input must be an ArrayBuffer, a typed array or a DataView")
    };
    let object = value.as_object().ok_or_else(not_a_buffer)?;
    let (buffer, offset, length) = if let Ok(typed) = JsTypedArray::from_object(object.clone()) {
        (
            typed.buffer(context)?,
            typed.byte_offset(context)?,
            typed.byte_length(context)?,
        )
    } else if let Ok(view) = JsDataView::from_object(object.clone()) {
        (
            view.buffer(context)?,
            usize::try_from(view.byte_offset(context)?).unwrap_or(usize::MAX),
            usize::try_from(view.byte_length(context)?).unwrap_or(usize::MAX),
        )
    } else {
        (object.clone().into(), 0, usize::MAX)
    };
    let buffer = buffer.as_object().ok_or_else(not_a_buffer)?;
    let slice = |data: &[u8]| {
        let start = offset.min(data.len());
        data[start..start.saturating_add(length).min(data.len())].to_vec()
    };
    if let Ok(array_buffer) = JsArrayBuffer::from_object(buffer.clone()) {
        // A detached buffer reads as empty.
        return Ok(array_buffer
            .data()
            .map(|data| slice(&data))
            .unwrap_or_default());
    }
    if let Ok(shared) = JsSharedArrayBuffer::from_object(buffer.clone()) {
        return Ok(slice(&shared.to_vec()));
    }
    Err(not_a_buffer().into())
}

/// Where an incomplete UTF-8 sequence begins at the end of `bytes` (a sequence that more bytes
/// could complete), if one does.
fn incomplete_tail(bytes: &[u8]) -> Option<usize> {
    (bytes.len().saturating_sub(3)..bytes.len()).find(|&start| {
        matches!(std::str::from_utf8(&bytes[start..]),
            Err(error) if error.valid_up_to() == 0 && error.error_len().is_none())
    })
}

/// The UTF-16 code units of `bytes` read as UTF-8, each maximal invalid subsequence as U+FFFD
/// (WHATWG's replacement rule). Counted before anything is reserved: the input is the guest's,
/// and up to three times its size would be needed for a lossy copy of it.
fn utf16_of_utf8(bytes: &[u8]) -> JsResult<Vec<u16>> {
    let units_of = |chunk: std::str::Utf8Chunk<'_>| {
        chunk.valid().encode_utf16().count() + usize::from(!chunk.invalid().is_empty())
    };
    let length: usize = bytes.utf8_chunks().map(units_of).sum();
    if length > MAX_STRING_LENGTH {
        return Err(too_long());
    }
    let mut units = Vec::with_capacity(length);
    for chunk in bytes.utf8_chunks() {
        units.extend(chunk.valid().encode_utf16());
        if !chunk.invalid().is_empty() {
            units.push(0xFFFD);
        }
    }
    Ok(units)
}

/// `decode(input, {stream})`.
fn decode(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_decoder(this, |_| Ok(JsValue::undefined()))?;
    let input = match args.get_or_undefined(0) {
        value if value.is_undefined() => Vec::new(),
        value => buffer_source_bytes(value, context)?,
    };
    let stream = match args.get_or_undefined(1) {
        options if options.is_null_or_undefined() => false,
        options => match options.as_object() {
            Some(options) => options.get(js_string!("stream"), context)?.to_boolean(),
            None => {
                return Err(JsNativeError::typ()
                    .with_message("decode options must be an object")
                    .into());
            }
        },
    };
    // Guest code (option getters, typed-array accessors) has run; the state is read after it.
    let object = this.as_object().expect("checked above");
    let decoder = object
        .downcast_ref::<TextDecoder>()
        .ok_or_else(|| JsNativeError::typ().with_message("'this' is not a TextDecoder"))?;
    let mut bytes = std::mem::take(&mut *decoder.pending.borrow_mut());
    bytes.extend_from_slice(&input);
    if stream && let Some(start) = incomplete_tail(&bytes) {
        *decoder.pending.borrow_mut() = bytes.split_off(start);
    }
    if decoder.fatal && std::str::from_utf8(&bytes).is_err() {
        decoder.pending.borrow_mut().clear();
        decoder.started.set(false);
        return Err(JsNativeError::typ()
            .with_message("decode: the input is not valid UTF-8")
            .into());
    }
    let mut units = utf16_of_utf8(&bytes)?;
    if !decoder.started.get() && !units.is_empty() {
        decoder.started.set(true);
        if !decoder.ignore_bom && units.first() == Some(&0xFEFF) {
            units.remove(0);
        }
    }
    if !stream {
        decoder.pending.borrow_mut().clear();
        decoder.started.set(false);
    }
    Ok(JsString::from(units.as_slice()).into())
}
