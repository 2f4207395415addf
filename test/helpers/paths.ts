import { fileURLToPath } from 'node:url';

/** The repository root; helpers that run outside AVA (the benchmark) import it from here. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
