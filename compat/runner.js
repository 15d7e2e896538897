// Loads one corpus case in a fresh compartment after lockdown, with a CommonJS `require` for the
// packages installed under node_modules, and prints what the case printed.
// Run by run.sh: compartment-run --start --allow-read compat --endow 'job={"case":"NAME"}' runner.js
// (the start compartment, locked down by compartment-run; `readFile` reads under compat/).
const output = [];
const print = harden((...args) => {
  output.push(args.map(String).join(' '));
});
// Libraries log with `console` as Node programs do; the compartment gets the host's.
const compartment = new Compartment({ __options__: true, name: job.case, globals: { print, console } });

// Node's built-in modules do not exist in a compartment.
const BUILTINS = new Set(['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'http',
  'https', 'net', 'os', 'path', 'process', 'querystring', 'stream', 'string_decoder', 'timers',
  'tty', 'url', 'util', 'vm', 'worker_threads', 'zlib']);

const dirname = path => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const join = (base, relative) => {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
};
const tryRead = path => {
  try {
    return readFile(path);
  } catch {
    return undefined;
  }
};

// The file a `require` of `path` means: as given, with an extension, or a directory's entry.
const resolveFile = path => {
  for (const candidate of [path, `${path}.js`, `${path}.cjs`, `${path}.json`]) {
    if (!candidate.endsWith('/') && tryRead(candidate) !== undefined) return candidate;
  }
  const manifest = tryRead(`${path}/package.json`);
  if (manifest !== undefined) {
    const { main } = JSON.parse(manifest);
    if (typeof main === 'string') {
      const found = resolveFile(join(path, main));
      if (found !== undefined) return found;
    }
  }
  for (const index of ['index.js', 'index.cjs', 'index.json']) {
    if (tryRead(`${path}/${index}`) !== undefined) return `${path}/${index}`;
  }
  return undefined;
};

// An `exports` target for `require`: conditions `require`, `node`, `default`, in that order.
const target = entry => {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(target).find(Boolean);
  if (entry && typeof entry === 'object') {
    for (const condition of ['require', 'node', 'default']) {
      if (condition in entry) {
        const found = target(entry[condition]);
        if (found) return found;
      }
    }
  }
  return undefined;
};

const resolvePackage = (modules, specifier) => {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  const directory = `${modules}/${name}`;
  const manifest = tryRead(`${directory}/package.json`);
  if (manifest === undefined) return undefined;
  const { exports } = JSON.parse(manifest);
  if (exports !== undefined) {
    const map = typeof exports === 'object' && !Array.isArray(exports) &&
      Object.keys(exports).some(key => key.startsWith('.')) ? exports : { '.': exports };
    const key = subpath === '' ? '.' : `./${subpath}`;
    const found = target(map[key]);
    if (found) return resolveFile(join(directory, found));
  }
  return resolveFile(subpath === '' ? directory : `${directory}/${subpath}`);
};

const resolve = (from, specifier) => {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const found = resolveFile(join(from, specifier));
    if (found !== undefined) return found;
  } else {
    const bare = specifier.replace(/^node:/, '');
    if (BUILTINS.has(bare.split('/')[0])) {
      throw Error(`Cannot find module '${specifier}': Node's built-in modules are not in a compartment`);
    }
    for (let directory = from; ; directory = dirname(directory)) {
      const found = resolvePackage(join(directory, 'node_modules'), bare);
      if (found !== undefined) return found;
      if (directory === '') break;
    }
  }
  throw Error(`Cannot find module '${specifier}' from '${from || '.'}'`);
};

// The `browser` field of the package a file belongs to: what a bundler substitutes for Node's
// modules (`false`: an empty module). A compartment has no Node built-ins either.
const packageOf = path => {
  for (let directory = dirname(path); ; directory = dirname(directory)) {
    const manifest = tryRead(`${directory}/package.json`);
    if (manifest !== undefined) return { directory, manifest: JSON.parse(manifest) };
    if (directory === '') return undefined;
  }
};
const EMPTY = '\0empty';
const substitute = (from, specifier) => {
  const owner = packageOf(`${from}/x`);
  const browser = owner && owner.manifest.browser;
  if (!browser || typeof browser !== 'object') return undefined;
  if (specifier in browser) return browser[specifier];
  if (specifier.startsWith('.')) {
    const file = resolveFile(join(from, specifier));
    if (file === undefined) return undefined;
    const relative = `./${file.slice(owner.directory.length + 1)}`;
    for (const key of [relative, relative.replace(/\.js$/, '')]) {
      if (key in browser) {
        const mapped = browser[key];
        return mapped === false ? false : `./${join(dirname(relative), '')}${mapped}`;
      }
    }
  }
  return undefined;
};
const resolveFor = (from, specifier) => {
  const substituted = substitute(from, specifier);
  if (substituted === false) return EMPTY;
  if (typeof substituted === 'string') {
    const owner = packageOf(`${from}/x`);
    return resolve(owner.directory, substituted.startsWith('.') ? substituted : specifier);
  }
  return resolve(from, specifier);
};

const cache = new Map();
const load = path => {
  if (path === EMPTY) return {};
  const cached = cache.get(path);
  if (cached) return cached.exports;
  const module = { exports: {}, id: path, filename: path, loaded: false };
  cache.set(path, module);
  const source = readFile(path);
  if (path.endsWith('.json')) {
    module.exports = JSON.parse(source);
  } else {
    // The CommonJS wrapper, as Node writes it; the text is evaluated in the case's compartment
    // (strict, as all compartment code).
    const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
    const wrapper = compartment.evaluate(
      `(function (exports, require, module, __filename, __dirname) {${body}\n})`,
    );
    const require = harden(specifier => load(resolveFor(dirname(path), specifier)));
    wrapper.call(module.exports, module.exports, require, module, path, dirname(path));
  }
  module.loaded = true;
  return module.exports;
};

try {
  load(`cases/${job.case}.js`);
} catch (error) {
  output.push(`ERROR: ${error && error.name}: ${error && error.message}`);
}
console.log(output.join('\n'));
