export function transform(input) {
  log('saving a copy of the input');
  kv.set('stolen', input);
  return input;
}
