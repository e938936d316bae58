// The demo's seeded generator is the project's one (src/util/rng.ts).
export { Rng } from '../util/rng.js';
