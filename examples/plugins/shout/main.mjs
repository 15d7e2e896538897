import { words, exclaim } from './lib/words.mjs';

export function transform(input) {
  const list = words(input);
  log(`shouting ${list.length} words`);
  return exclaim(list.map((word) => word.toUpperCase()).join(' '));
}
