/*---
description: "TextEncoder and TextDecoder (WHATWG Encoding, UTF-8) are shared, frozen intrinsics of every compartment, as SES permits them: encode, encodeInto, decode with fatal, ignoreBOM and stream, labels, replacement of invalid sequences (maximal subparts), BufferSource kinds."
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.globalThis.TextEncoder, TextEncoder, 'shared');
assert.sameValue(c.globalThis.TextDecoder, TextDecoder, 'shared');
assert(Object.isFrozen(TextEncoder) && Object.isFrozen(TextEncoder.prototype), 'TextEncoder frozen');
assert(Object.isFrozen(TextDecoder) && Object.isFrozen(TextDecoder.prototype), 'TextDecoder frozen');
const r = c.evaluate(`(() => {
  const out = {};
  const enc = new TextEncoder();
  out.encoding = enc.encoding;
  out.tag = Object.prototype.toString.call(enc);
  out.bytes = Array.from(enc.encode('a\\u00e9\\u20ac\\u{1F600}'));
  out.lone = Array.from(enc.encode('\\ud800x'));
  out.empty = enc.encode().length;
  const dest = new Uint8Array(5);
  const res = enc.encodeInto('a\\u20ac\\u{1F600}', dest);
  out.into = [res.read, res.written, Array.from(dest)];
  const dec = new TextDecoder();
  out.dec = [dec.encoding, dec.fatal, dec.ignoreBOM];
  out.text = dec.decode(new Uint8Array([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]));
  out.invalid = dec.decode(new Uint8Array([0x61, 0xff, 0xe2, 0x82, 0x62, 0xc0, 0xaf]));
  out.bom = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x78]));
  out.keepBom = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x78])).length;
  const s = new TextDecoder();
  out.stream = [s.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), s.decode(new Uint8Array([0xac]), { stream: true }), s.decode()];
  out.truncated = new TextDecoder().decode(new Uint8Array([0xe2, 0x82]));
  try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); out.fatal = 'no error'; } catch (e) { out.fatal = e.constructor.name; }
  out.fatalOk = new TextDecoder('UTF8', { fatal: true }).decode(new Uint8Array([0x41]).buffer);
  out.labels = [' Unicode-1-1-UTF-8\\n', 'utf8', 'x-unicode20utf8'].map(l => new TextDecoder(l).encoding);
  try { new TextDecoder('latin2'); out.badLabel = 'no error'; } catch (e) { out.badLabel = e.constructor.name; }
  const view = new DataView(new Uint8Array([0x20, 0x41, 0x42, 0x20]).buffer, 1, 2);
  out.view = new TextDecoder().decode(view);
  out.sub = new TextDecoder().decode(new Uint8Array([0x20, 0x43, 0x44]).subarray(1));
  try { new TextDecoder().decode('text'); out.notBuffer = 'no error'; } catch (e) { out.notBuffer = e.constructor.name; }
  try { TextDecoder(); out.call = 'no error'; } catch (e) { out.call = e.constructor.name; }
  try { TextEncoder.prototype.encode.call({}, 'x'); out.brand = 'no error'; } catch (e) { out.brand = e.constructor.name; }
  return JSON.stringify(out);
})()`);
assert.sameValue(r, JSON.stringify({
  encoding: 'utf-8', tag: '[object TextEncoder]',
  bytes: [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80],
  lone: [0xef, 0xbf, 0xbd, 0x78], empty: 0,
  into: [2, 4, [0x61, 0xe2, 0x82, 0xac, 0]],
  dec: ['utf-8', false, false],
  text: 'a\u00e9\u20ac\u{1F600}',
  invalid: 'a\ufffd\ufffdb\ufffd\ufffd',
  bom: 'x', keepBom: 2,
  stream: ['', '\u20ac', ''],
  truncated: '\ufffd',
  fatal: 'TypeError', fatalOk: 'A',
  labels: ['utf-8', 'utf-8', 'utf-8'], badLabel: 'RangeError',
  view: 'AB', sub: 'CD', notBuffer: 'TypeError', call: 'TypeError', brand: 'TypeError',
}));

// Found by red-team round six: the label is read in place (a long one is not copied into the
// message), options are read before the label and before the bytes, and a failed decode ends
// the stream.
const edges = new Compartment().evaluate(`(() => {
  const out = {};
  try { new TextDecoder('\\uD800'.repeat(2 ** 20)); } catch (e) { out.longLabel = [e.constructor.name, e.message.length < 400]; }
  out.paddedLabel = new TextDecoder(' utf-8' + ' '.repeat(2 ** 20)).encoding;
  out.order = [];
  try { new TextDecoder('bogus', { get fatal() { out.order.push('fatal'); } }); } catch (e) { out.order.push(e.constructor.name); }
  const b = new Uint8Array([0x41, 0x42]);
  out.bytesAfterOptions = new TextDecoder().decode(b, { get stream() { b[0] = 0x5a; return false; } });
  const d = new TextDecoder();
  d.decode(new Uint8Array([0x41]), { stream: true });
  try { d.decode(new Uint8Array(2 ** 29)); } catch (e) { out.tooLong = e.constructor.name; }
  out.afterFailure = d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x42]));
  return JSON.stringify(out);
})()`);
assert.sameValue(edges, JSON.stringify({
  longLabel: ['RangeError', true],
  paddedLabel: 'utf-8',
  order: ['fatal', 'RangeError'],
  bytesAfterOptions: 'ZB',
  tooLong: 'RangeError',
  afterFailure: 'B',
}));
