import { describe, expect, it } from 'vitest';
import { normaliseSvg } from './svg.js';

describe('normaliseSvg', () => {
  it('rounds numbers to 3 decimals and leaves colours and ids words alone', () => {
    expect(normaliseSvg('<path d="M0.12345,-0.0001L10,2e-7" fill="#D55E00"/>')).toBe('<path d="M0.123,0L10,0" fill="#D55E00"/>');
  });
  it('re-indexes ids and their references in order of appearance', () => {
    const a = normaliseSvg('<clipPath id="clip7"/><g clip-path="url(#clip7)"/><clipPath id="clip9"/><use href="#clip9"/>');
    const b = normaliseSvg('<clipPath id="clip2"/><g clip-path="url(#clip2)"/><clipPath id="clip3"/><use href="#clip3"/>');
    expect(a).toBe(b);
    expect(a).toContain('url(#id1)');
    expect(a).toContain('href="#id2"');
  });
  it('leaves numbers in text content alone', () => {
    expect(normaliseSvg('<text x="1.23456">Leefbaarometer 3.0</text>')).toBe('<text x="1.235">Leefbaarometer 3.0</text>');
  });
  it('still shows a real change of geometry', () => {
    expect(normaliseSvg('<path d="M0,0L1.5,2"/>')).not.toBe(normaliseSvg('<path d="M0,0L1.51,2"/>'));
  });
});
