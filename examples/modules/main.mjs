// A module graph: relative imports resolve inside this directory and nowhere else.
import { greet } from './lib/greet.mjs';
import settings from './settings.json' with { type: 'json' };

console.log(greet(settings.name));
console.log('url ends with main.mjs:', import.meta.url.endsWith('/main.mjs'));
const { shout } = await import('./lib/shout.mjs');
console.log(shout('dynamic import works'));
export const done = true;
