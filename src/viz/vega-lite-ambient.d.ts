// What veerkracht uses of vega-lite, declared for tslab's TypeScript 5.0 (node10 resolution),
// which cannot see vega-lite's own types (published only behind package `exports`).
declare module 'vega-lite' {
  export const version: string;
  export function compile(spec: unknown, options?: unknown): { spec: unknown };
}
