import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reaggregate, type ReaggregationLink } from '../../src/regions/reaggregate.js';

describe('reaggregate: planted pieces', () => {
  // source 0 (100 inh., K 10 % of 40 hh) splits 60/40 over targets 0 and 1; sources 1 (50 inh.,
  // K 20 % of 20 hh) and 2 (10 inh., K missing) merge into target 1; target 2 receives nothing
  const links: ReaggregationLink[] = [
    { from: 0, to: 0, weight: 0.6 },
    { from: 0, to: 1, weight: 0.4 },
    { from: 1, to: 1, weight: 1 },
    { from: 2, to: 1, weight: 1 },
  ];
  const inw = [100, 50, 10];
  const K = [10, 20, NaN];
  const hh = [40, 20, 4];

  it('adds counts with the link weights, and a missing piece makes the sum missing', () => {
    const r = reaggregate(links, 3, { inw: { kind: 'sum', values: inw }, K: { kind: 'sum', values: K } });
    expect(Array.from(r.columns.inw.value)).toEqual([60, 40 + 50 + 10, NaN]);
    expect(Array.from(r.columns.K.value)).toEqual([6, NaN, NaN]);
    expect(Array.from(r.columns.K.present)).toEqual([6, 4 + 20, NaN]);
    expect(r.report.withMissingPiece.K).toEqual([1]);
    expect(r.report.targetsWithoutSource).toEqual([2]);
  });

  it('strict: a weighted piece without a value leaves the target missing, its weight still counted', () => {
    const r = reaggregate(links, 3, { K: { kind: 'mean', values: K, weights: hh } });
    expect(r.columns.K.value[0]).toBe(10);
    expect(r.columns.K.value[1]).toBeNaN();
    expect(Array.from(r.columns.K.weight)).toEqual([24, 16 + 20 + 4, NaN]);
    expect(Array.from(r.columns.K.kept)).toEqual([1, 0, 0]);
    // without households in the missing piece it cannot spoil anything
    const r0 = reaggregate(links, 3, { K: { kind: 'mean', values: K, weights: [40, 20, 0] } });
    expect(r0.columns.K.value[1]).toBeCloseTo((0.4 * 40 * 10 + 20 * 20) / 36, 12);
    expect(r0.report.withMissingPiece.K).toEqual([1]);
  });

  it('tolerated: the missing piece is left out while it holds at most the share of the inwoners', () => {
    const cols = (share: number) => ({
      inw: { kind: 'sum' as const, values: inw },
      K: { kind: 'mean' as const, values: K, weights: hh, completeness: { rule: 'tolerated' as const, share, of: 'inw' } },
    });
    // the missing source holds 10 of target 1's 100 inwoners
    const loose = reaggregate(links, 3, cols(0.1));
    expect(loose.columns.K.value[1]).toBeCloseTo((0.4 * 40 * 10 + 20 * 20) / 36, 12);
    expect(loose.columns.K.weight[1]).toBeCloseTo(36, 12);
    expect(loose.report.leftOut.K).toEqual([1]);
    const tight = reaggregate(links, 3, cols(0.09));
    expect(tight.columns.K.value[1]).toBeNaN();
    expect(tight.report.leftOut.K).toEqual([]);
  });

  it('flags a target when any of its pieces is flagged', () => {
    const r = reaggregate(links, 3, { geheim: { kind: 'any', values: [false, false, true] } });
    expect(r.columns.geheim.value).toEqual([false, true, false]);
  });

  it('sums each target in link order, also when its links are interleaved with others', () => {
    // 1e16 + 1 − 1e16 is 0 in doubles, 1e16 − 1e16 + 1 is 1: the order shows in the result
    const values = [1e16, 1, -1e16];
    const order = (from: number[]) => from.flatMap((f) => [{ from: f, to: 0, weight: 1 }, { from: 0, to: 1, weight: 1 }]);
    expect(reaggregate(order([0, 1, 2]), 2, { v: { kind: 'sum', values } }).columns.v.value[0]).toBe(0);
    expect(reaggregate(order([0, 2, 1]), 2, { v: { kind: 'sum', values } }).columns.v.value[0]).toBe(1);
  });

  it('refuses a tolerance against a column that is not a sum, and a link to no target', () => {
    expect(() => reaggregate(links, 3, { K: { kind: 'mean', values: K, completeness: { rule: 'tolerated', share: 0.1, of: 'inw' } } })).toThrow(/inw/);
    expect(() => reaggregate(links, 1, { inw: { kind: 'sum', values: inw } })).toThrow(/outside/);
  });
});

describe('reaggregate properties (fast-check): the same as a naive computation per target', () => {
  const value = fc.oneof({ weight: 1, arbitrary: fc.constant(NaN) }, { weight: 5, arbitrary: fc.double({ min: -10, max: 1000, noNaN: true }) });
  const weight = fc.oneof(fc.constantFrom(0, -0.5, 1, 0.5, 1 / 3), fc.double({ min: 0, max: 2, noNaN: true }));
  const input = fc.integer({ min: 1, max: 8 }).chain((ns) =>
    fc.record({
      ns: fc.constant(ns),
      nt: fc.integer({ min: 1, max: 6 }),
      links: fc.array(fc.record({ from: fc.integer({ min: 0, max: ns - 1 }), to: fc.integer({ min: 0, max: 5 }), weight }), { maxLength: 20 }),
      inw: fc.array(value, { minLength: ns, maxLength: ns }),
      v: fc.array(value, { minLength: ns, maxLength: ns }),
      u: fc.array(value, { minLength: ns, maxLength: ns }),
      flag: fc.array(fc.boolean(), { minLength: ns, maxLength: ns }),
      share: fc.constantFrom(0, 0.05, 0.3, 1),
    }),
  );

  /** Straight from the rules, one target at a time, with filter and reduce. */
  function naive(x: { links: ReaggregationLink[]; inw: number[]; v: number[]; u: number[]; flag: boolean[]; share: number }, t: number) {
    const pieces = x.links.filter((l) => l.to === t);
    const none = pieces.length === 0;
    const add = (xs: number[]) => xs.reduce((s, a) => s + a, 0);
    const inwPresent = add(pieces.filter((l) => !Number.isNaN(x.inw[l.from])).map((l) => l.weight * x.inw[l.from]));
    const withP = pieces.map((l) => ({ l, p: l.weight * x.u[l.from], v: x.v[l.from] }));
    // strict: pieces with p > 0 count; one without a value spoils the target
    const carrying = withP.filter((q) => q.p > 0);
    const strictWeight = add(carrying.map((q) => q.p));
    const strictNum = add(carrying.filter((q) => !Number.isNaN(q.v)).map((q) => q.p * q.v));
    const strictKept = !none && strictWeight > 0 && carrying.every((q) => !Number.isNaN(q.v));
    // tolerated: pieces without a value are left out, measured in inwoners
    const used = withP.filter((q) => !Number.isNaN(q.v) && q.p > 0);
    const tolWeight = add(used.map((q) => q.p));
    const tolNum = add(used.map((q) => q.p * q.v));
    const lost = add(withP.filter((q) => Number.isNaN(q.v) && !Number.isNaN(x.inw[q.l.from])).map((q) => q.l.weight * x.inw[q.l.from]));
    const tolKept = !none && tolWeight > 0 && lost <= x.share * inwPresent;
    return {
      inw: none || pieces.some((l) => Number.isNaN(x.inw[l.from])) ? NaN : inwPresent,
      inwPresent: none ? NaN : inwPresent,
      strict: { value: strictKept ? strictNum / strictWeight : NaN, weight: none ? NaN : strictWeight, kept: strictKept ? 1 : 0 },
      tolerated: { value: tolKept ? tolNum / tolWeight : NaN, weight: none ? NaN : tolWeight, kept: tolKept ? 1 : 0, leftOut: tolKept && lost > 0 },
      flag: pieces.some((l) => x.flag[l.from]),
      vMissing: pieces.some((l) => Number.isNaN(x.v[l.from])),
    };
  }

  it('sums, strict and tolerated means, flags and the report', () => {
    fc.assert(
      fc.property(input, (x) => {
        const links = x.links.map((l) => ({ ...l, to: l.to % x.nt }));
        const r = reaggregate(links, x.nt, {
          inw: { kind: 'sum', values: x.inw },
          strict: { kind: 'mean', values: x.v, weights: x.u },
          tolerated: { kind: 'mean', values: x.v, weights: x.u, completeness: { rule: 'tolerated', share: x.share, of: 'inw' } },
          flag: { kind: 'any', values: x.flag },
        });
        const want = Array.from({ length: x.nt }, (_t, t) => naive({ ...x, links }, t));
        const targets = want.map((_w, t) => t);
        expect(Array.from(r.columns.inw.value)).toEqual(want.map((w) => w.inw));
        expect(Array.from(r.columns.inw.present)).toEqual(want.map((w) => w.inwPresent));
        for (const rule of ['strict', 'tolerated'] as const) {
          expect(Array.from(r.columns[rule].value)).toEqual(want.map((w) => w[rule].value));
          expect(Array.from(r.columns[rule].weight)).toEqual(want.map((w) => w[rule].weight));
          expect(Array.from(r.columns[rule].kept)).toEqual(want.map((w) => w[rule].kept));
          expect(r.report.withMissingPiece[rule]).toEqual(targets.filter((t) => want[t].vMissing));
        }
        expect(r.columns.flag.value).toEqual(want.map((w) => w.flag));
        expect(r.report.leftOut.tolerated).toEqual(targets.filter((t) => want[t].tolerated.leftOut));
        expect(r.report.leftOut.strict).toBeUndefined();
        expect(r.report.withMissingPiece.inw).toEqual(targets.filter((t) => !Number.isNaN(want[t].inwPresent) && Number.isNaN(want[t].inw)));
        expect(r.report.targetsWithoutSource).toEqual(targets.filter((t) => !links.some((l) => l.to === t)));
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
