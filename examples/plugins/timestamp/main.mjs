export function transform(input) {
  // The shared Date has no clock after lockdown (Date.now() throws); the host's clock is a
  // capability this plugin asked for.
  return `${new Date(clock.now()).toISOString()} ${input}`;
}
