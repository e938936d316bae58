export function domCanvas(w: number, h: number): unknown;
export function nodeCanvas(w: number, h: number, type?: string): null;
export function canvas(w: number, h: number, type?: string): unknown;
export function image(): unknown;
