import { transform as tally } from '../tally/main.mjs';

export function transform(input) {
  return tally(input);
}
