export function transform(input) {
  return net.fetch(input);
}
