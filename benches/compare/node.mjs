// The compare workloads with ses 2.3.0 on Node: lockdown, harden, compartment creation,
// evaluate, and the global-lookup loop inside a compartment vs outside (plain V8).
import { performance } from 'node:perf_hooks';

const median = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const GRAPH = "(() => { const all = []; const make = depth => { const o = { n: all.length, list: [] }; all.push(o, o.list); if (depth > 0) for (let i = 0; i < 4; i++) o.list.push(make(depth - 1)); return o; }; return make(6); })()";
const LOOP = 'let s = 0; for (let i = 0; i < 1000000; i++) { s += Math.abs(i) + Math.max(i, 1); } s';

const plainLoop = median(Array.from({ length: 7 }, () => {
  const t = performance.now(); (0, eval)(LOOP); return performance.now() - t;
}));

await import('ses');
let t = performance.now();
lockdown({ reporting: 'none' });
const lockdownMs = performance.now() - t;

const hardenMs = median(Array.from({ length: 7 }, () => {
  const graph = (0, eval)(GRAPH);
  const s = performance.now(); harden(graph); return performance.now() - s;
}));
t = performance.now();
for (let i = 0; i < 1000; i++) new Compartment();
const createUs = (performance.now() - t);
const c = new Compartment();
t = performance.now();
for (let i = 0; i < 1000; i++) c.evaluate('1+1');
const evaluateUs = (performance.now() - t);
const inLoop = median(Array.from({ length: 7 }, () => {
  const s = performance.now(); c.evaluate(LOOP); return performance.now() - s;
}));

console.log('| workload | ses 2.3.0 on Node |');
console.log('|---|---|');
console.log(`| lockdown() | ${lockdownMs.toFixed(1)} ms (once per process) |`);
console.log(`| harden(10,922 objects) | ${hardenMs.toFixed(1)} ms |`);
console.log(`| new Compartment() | ${createUs.toFixed(1)} µs |`);
console.log(`| evaluate('1+1') | ${evaluateUs.toFixed(1)} µs |`);
console.log(`| 1M-iteration loop, two global lookups: in a compartment / plain V8 | ${(inLoop / plainLoop).toFixed(2)}x (${inLoop.toFixed(0)} / ${plainLoop.toFixed(0)} ms) |`);
