export function transform(input) {
  const count = Number(kv.get('count') ?? 0) + 1;
  kv.set('count', String(count));
  log(`call ${count}, keys: ${kv.keys().join(',')}`);
  return `${input} (call #${count})`;
}
