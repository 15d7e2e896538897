// The start compartment's `assert` (the API of SES's `assert`, which `@endo/errors` and so every
// Endo package requires). Evaluated once, in the start compartment, when the engine is built
// and before any guest code runs: the primordials it uses are captured here. The completion
// value is `makeAssert(optRaise, unredacted)`; the engine installs `makeAssert(undefined, true)`
// at once and, at lockdown, a redacting `makeAssert()` unless `errorTaming` is 'unsafe'.
(() => {
  const { freeze, is, defineProperty, keys } = Object;
  const { stringify } = JSON;
  const { apply } = Reflect;
  const weakMapGet = WeakMap.prototype.get;
  const weakMapSet = WeakMap.prototype.set;
  const weakSetAdd = WeakSet.prototype.add;
  const weakSetHas = WeakSet.prototype.has;
  const arrayPush = Array.prototype.push;
  const arrayJoin = Array.prototype.join;
  const regExpTest = RegExp.prototype.test;
  const StringOf = String;
  const ErrorConstructor = Error;
  const AggregateErrorConstructor = AggregateError;
  const TypeErrorConstructor = TypeError;
  const RangeErrorConstructor = RangeError;
  const WeakMapConstructor = WeakMap;
  const WeakSetConstructor = WeakSet;
  const PromiseConstructor = Promise;

  const mapGet = (map, key) => apply(weakMapGet, map, [key]);
  const mapSet = (map, key, value) => apply(weakMapSet, map, [key, value]);
  const setAdd = (set, value) => apply(weakSetAdd, set, [value]);
  const setHas = (set, value) => apply(weakSetHas, set, [value]);
  const push = (list, value) => apply(arrayPush, list, [value]);
  const join = (list, separator) => apply(arrayJoin, list, [separator]);
  const startsWithVowel = text => apply(regExpTest, /^[aeiouAEIOU]/, [text]);

  // Details tokens → { template, args }; quoted and bare payloads are declassified.
  const hiddenDetails = new WeakMapConstructor();
  const declassified = new WeakSetConstructor();
  const notes = new WeakMapConstructor();

  const an = noun => `${startsWithVowel(noun) ? 'an' : 'a'} ${noun}`;

  const isError = value => value instanceof ErrorConstructor;

  // A JSON-like rendering that never throws: cycles, functions, symbols, bigints and
  // non-finite numbers get bracketed names.
  const bestEffortStringify = (payload, spaces) => {
    // The bracketed name of a value JSON cannot show, or undefined for one it can.
    const special = value => {
      switch (typeof value) {
        case 'undefined': return '[undefined]';
        case 'bigint': return `[${value}n]`;
        case 'symbol': return `[${StringOf(value)}]`;
        case 'function': return `[Function ${value.name || '<anon>'}]`;
        case 'number':
          return value === value && value !== Infinity && value !== -Infinity ? undefined : `[${value}]`;
        case 'object':
          if (value === null) return undefined;
          if (isError(value)) return `[${value.name}: ${value.message}]`;
          if (value instanceof PromiseConstructor) return '[Promise]';
          if (setHas(declassified, value)) return `${value}`;
          return undefined;
        default: return undefined;
      }
    };
    const seen = new WeakSetConstructor();
    const replacer = (_key, value) => {
      const name = special(value);
      if (name !== undefined) return name;
      if (typeof value === 'object' && value !== null) {
        if (setHas(seen, value)) return '[Seen]';
        setAdd(seen, value);
      }
      return value;
    };
    try {
      // A payload that is itself special shows its bracketed name unquoted.
      const top = special(payload);
      if (top !== undefined) return top;
      return stringify(payload, replacer, spaces);
    } catch (error) {
      return '[Something that failed to stringify]';
    }
  };

  const declassify = (payload, spaces, bareStrings) => {
    const text = () =>
      bareStrings && typeof payload === 'string' ? payload : bestEffortStringify(payload, spaces);
    const result = freeze({ toString: freeze(() => text()) });
    setAdd(declassified, result);
    return result;
  };
  const quote = (payload, spaces = undefined) => declassify(payload, spaces, false);
  const bare = (payload, spaces = undefined) => declassify(payload, spaces, true);
  freeze(quote);
  freeze(bare);

  const makeDetails = redacting => {
    const details = (template, ...args) => {
      if (!redacting) {
        const quoted = [];
        for (const arg of args) {
          const plain = (typeof arg === 'object' || typeof arg === 'function') && arg !== null
            && setHas(declassified, arg);
          push(quoted, plain ? arg : quote(arg));
        }
        args = quoted;
      }
      const token = freeze({ __proto__: null });
      mapSet(hiddenDetails, token, freeze({ template: freeze([...template]), args: freeze(args) }));
      return token;
    };
    return freeze(details);
  };

  const messageOf = ({ template, args }) => {
    const parts = [template[0]];
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i];
      let text;
      if ((typeof arg === 'object' || typeof arg === 'function') && arg !== null
        && setHas(declassified, arg)) {
        text = `${arg}`;
      } else if (isError(arg)) {
        text = `(${an(arg.name)})`;
      } else {
        text = `(${an(typeof arg)})`;
      }
      push(parts, text);
      push(parts, template[i + 1]);
    }
    return join(parts, '');
  };

  const detailsOf = (optDetails, details) => {
    if (typeof optDetails === 'string') return mapGet(hiddenDetails, details([optDetails]));
    const hidden = mapGet(hiddenDetails, optDetails);
    if (hidden === undefined) {
      throw TypeErrorConstructor(`unrecognized details ${bestEffortStringify(optDetails)}`);
    }
    return hidden;
  };

  const makeAssert = (optRaise = undefined, unredacted = false) => {
    const details = makeDetails(!unredacted);
    const makeError = (
      optDetails = details`Assert failed`,
      ErrorType = ErrorConstructor,
      { errorName = undefined, cause = undefined, errors = undefined, sanitize = true } = {},
    ) => {
      const message = messageOf(detailsOf(optDetails, details));
      const options = cause === undefined ? undefined : { cause };
      let error;
      if (ErrorType === AggregateErrorConstructor) {
        error = new AggregateErrorConstructor(errors || [], message, options);
      } else {
        error = new ErrorType(message, options);
        if (errors !== undefined) {
          defineProperty(error, 'errors', { value: errors, writable: true, enumerable: false, configurable: true });
        }
      }
      // `errorName` and `sanitize` shape what SES's console shows; there is no such console.
      void errorName;
      void sanitize;
      return error;
    };
    freeze(makeError);
    const fail = (optDetails = details`Check failed`, ErrorType = undefined, options = undefined) => {
      const reason = makeError(optDetails, ErrorType, options);
      if (optRaise !== undefined) optRaise(reason);
      throw reason;
    };
    freeze(fail);
    const Fail = (template, ...args) => fail(details(template, ...args));
    freeze(Fail);
    const equal = (actual, expected, optDetails = undefined, ErrorType = undefined, options = undefined) => {
      if (!is(actual, expected)) {
        fail(
          optDetails || details`Expected ${actual} is same as ${expected}`,
          ErrorType || RangeErrorConstructor,
          options,
        );
      }
    };
    freeze(equal);
    const assertTypeof = (specimen, typename, optDetails = undefined) => {
      if (typeof typename !== 'string') fail(details`${quote(typename)} must be a string`, TypeErrorConstructor);
      const message = optDetails === undefined ? details`${specimen} must be ${bare(an(typename))}` : optDetails;
      equal(typeof specimen, typename, message, TypeErrorConstructor);
    };
    freeze(assertTypeof);
    const assertString = (specimen, optDetails = undefined) => assertTypeof(specimen, 'string', optDetails);
    freeze(assertString);
    const note = (error, detailsNote) => {
      if (typeof detailsNote === 'string') detailsNote = details([detailsNote]);
      const hidden = detailsOf(detailsNote, details);
      mapSet(notes, error, [...(mapGet(notes, error) || []), messageOf(hidden)]);
    };
    freeze(note);
    function assert(flag, optDetails = undefined, ErrorType = undefined, options = undefined) {
      if (!flag) fail(optDetails, ErrorType, options);
    }
    const methods = {
      error: makeError, fail, equal, typeof: assertTypeof, string: assertString, note,
      details, Fail, quote, bare, makeAssert,
    };
    for (const name of keys(methods)) {
      defineProperty(assert, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
    }
    return freeze(assert);
  };
  freeze(makeAssert);
  return makeAssert;
})()
