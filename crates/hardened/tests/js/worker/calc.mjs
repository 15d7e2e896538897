// Modules a test pool calls into (crates/hardened/tests/worker.rs).
import { twice } from './lib/twice.mjs';

export function add(a, b) {
  return a + b;
}

export async function later(value) {
  await null;
  return { value: twice(value), tag: typeof tag === 'string' ? tag : null };
}

export function callHost(value) {
  return double(value);
}

export function remember(value) {
  globalThis.remembered ??= [];
  globalThis.remembered.push(value);
  return globalThis.remembered.length;
}

export const notAFunction = 1;
