export function transform(input) {
  for (;;) {}
}
