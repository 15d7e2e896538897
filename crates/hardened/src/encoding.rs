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
            value if value.is_undefined() => None,
            value => Some(value.to_string(context)?),
        };
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
        // WebIDL converts the options before the constructor looks at the label.
        let fatal = option("fatal", context)?;
        let ignore_bom = option("ignoreBOM", context)?;
        if let Some(label) = label
            && !is_utf8_label(&label)
        {
            return Err(JsNativeError::range()
                .with_message(format!(
                    "the encoding label '{}' is not supported (this TextDecoder decodes UTF-8 only)",
                    excerpt(&label)
                ))
                .into());
        }
        Ok(Self {
            fatal,
            ignore_bom,
            pending: RefCell::new(Vec::new()),
            started: Cell::new(false),
        })
    }
}

/// Whether `label`, without surrounding ASCII white space and in any case, names UTF-8. Read in
/// place: a label is the guest's string and may be as long as any.
fn is_utf8_label(label: &JsString) -> bool {
    const LONGEST: usize = 17; // "unicode-1-1-utf-8"
    let white = |unit: u16| matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D | 0x20);
    let mut units = label.iter().skip_while(|&unit| white(unit));
    // No label has white space inside: the name ends at the first, and only white space may follow.
    let name: Vec<u16> = units
        .by_ref()
        .take_while(|&unit| !white(unit))
        .take(LONGEST + 1)
        .collect();
    name.len() <= LONGEST
        && units.all(white)
        && String::from_utf16(&name)
            .is_ok_and(|name| UTF8_LABELS.contains(&name.to_ascii_lowercase().as_str()))
}

/// The start of a guest string, for an error message.
fn excerpt(text: &JsString) -> String {
    const SHOWN: usize = 40;
    let shown = JsString::from(&text.iter().take(SHOWN).collect::<Vec<_>>()[..]);
    let ellipsis = if text.len() > SHOWN { "…" } else { "" };
    format!("{}{ellipsis}", shown.to_std_string_escaped())
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
        let bytes = &data[start..start.saturating_add(length).min(data.len())];
        // Refused before it is copied; a decoder's pending bytes (at most 3) can merge with
        // the first ones into one code unit.
        if utf16_length(bytes) > MAX_STRING_LENGTH + 3 {
            return Err(too_long());
        }
        Ok(bytes.to_vec())
    };
    if let Ok(array_buffer) = JsArrayBuffer::from_object(buffer.clone()) {
        // A detached buffer reads as empty.
        return array_buffer
            .data()
            .map_or_else(|| Ok(Vec::new()), |data| slice(&data));
    }
    if let Ok(shared) = JsSharedArrayBuffer::from_object(buffer.clone()) {
        return slice(&shared.to_vec());
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

/// How many UTF-16 code units `bytes` decode to (each maximal invalid subsequence is one).
fn utf16_length(bytes: &[u8]) -> usize {
    bytes
        .utf8_chunks()
        .map(|chunk| {
            chunk.valid().encode_utf16().count() + usize::from(!chunk.invalid().is_empty())
        })
        .sum()
}

/// The UTF-16 code units of `bytes` read as UTF-8, each maximal invalid subsequence as U+FFFD
/// (WHATWG's replacement rule). Counted before anything is reserved: the input is the guest's,
/// and up to three times its size would be needed for a lossy copy of it.
fn utf16_of_utf8(bytes: &[u8]) -> JsResult<Vec<u16>> {
    let length = utf16_length(bytes);
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
    // WebIDL converts the options first: the bytes are read after any guest getter has run.
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
    let input = match args.get_or_undefined(0) {
        value if value.is_undefined() => Ok(Vec::new()),
        value => buffer_source_bytes(value, context),
    };
    // Guest code (option getters) has run; the state is read after it.
    let object = this.as_object().expect("checked above");
    let decoder = object
        .downcast_ref::<TextDecoder>()
        .ok_or_else(|| JsNativeError::typ().with_message("'this' is not a TextDecoder"))?;
    let result = input.and_then(|input| decoder.decode(&input, stream));
    // A decode that fails ends the stream, as one that does not stream does.
    if !stream || result.is_err() {
        decoder.pending.borrow_mut().clear();
        decoder.started.set(false);
    }
    Ok(JsString::from(result?.as_slice()).into())
}

impl TextDecoder {
    /// The code units of the pending bytes followed by `input`; with `stream`, an incomplete
    /// sequence at the end waits for the next call.
    fn decode(&self, input: &[u8], stream: bool) -> JsResult<Vec<u16>> {
        let mut bytes = std::mem::take(&mut *self.pending.borrow_mut());
        bytes.extend_from_slice(input);
        if stream && let Some(start) = incomplete_tail(&bytes) {
            *self.pending.borrow_mut() = bytes.split_off(start);
        }
        if self.fatal && std::str::from_utf8(&bytes).is_err() {
            return Err(JsNativeError::typ()
                .with_message("decode: the input is not valid UTF-8")
                .into());
        }
        let mut units = utf16_of_utf8(&bytes)?;
        if !self.started.get() && !units.is_empty() {
            self.started.set(true);
            if !self.ignore_bom && units.first() == Some(&0xFEFF) {
                units.remove(0);
            }
        }
        Ok(units)
    }
}
