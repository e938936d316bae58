/**
 * A public API sized to its users (issue 16): the package root (src/index.ts, what notebooks
 * import as `vk`) is a small explicit list; every layer is public through its own sub-path
 * (`veerkracht/classify`, …, package.json `exports`).
 *
 *   - every `vk.NAME` in a notebook's code cells is exported by the root (a failure names the
 *     notebook and the name);
 *   - the root stays at most ROOT_BOUND names (values and types): growing past it is a decision,
 *     taken here, not a side effect of a new module;
 *   - every root name has a user: a notebook (`vk.NAME`), the README (inside `code`), the short
 *     ALLOWED list below, or, for a type, the signature of a function or constant the root
 *     exports (the types those functions take and return go with them);
 *   - the root adds nothing of its own: each name (except ALLOWED) is also exported by a
 *     sub-path barrel;
 *   - every sub-path of package.json `exports` is `./<dir>` → `./dist/<dir>/index.{js,d.ts}` built
 *     from a barrel src/<dir>/index.ts, every barrel has its sub-path, and each barrel exports
 *     every export of its folder's modules (except the INTERNAL files named below).
 *
 * Names are read with the TypeScript compiler (the project's 5.9), not by running src/: types
 * count too.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const src = join(root, 'src');

/** The most names (values and types) the root may export; raise it only on purpose. */
export const ROOT_BOUND = 150;

/** Root names without a notebook or README user, and why they are in the root anyway. */
const ALLOWED: Readonly<Record<string, string>> = {
  VeerkrachtError: 'the error a user catches; util has no sub-path, so the root is its only public home',
  isUserError: 'tells a VeerkrachtError from a bug; util has no sub-path',
  showValue: 'formats a found value like the toolkit\'s own messages; util has no sub-path',
};

/** Root names that no sub-path exports: the version constant and util's errors (no util sub-path). */
const ROOT_ONLY = new Set(['VERSION', 'VeerkrachtError', 'isUserError', 'showValue', 'InputLocation']);

/** Files whose exports are internal to their folder (helpers of the folder's loaders/generator). */
const INTERNAL: readonly string[] = [
  'sources/csv/invisible.ts',
  'sources/csv/mojibake.ts',
  'sources/leefbaarometer/cells.ts',
  'sources/microdata/keys.ts',
  'sources/statline/plausibility.ts',
  // the boundary reader's parse memo and packing scanner, the xlsx writer's zip container, the
  // fingerprint, topology and Visvalingam weights behind validation, crosswalk and drawing
  // simplification,
  'sources/boundaries/geometry-texts.ts',
  'sources/boundaries/packed-parse.ts',
  'export/zip.ts',
  'geo/fingerprint.ts',
  // the position hash of the topology and of the projection's cache
  'geo/point-hash.ts',
  'geo/topology.ts',
  'geo/visvalingam.ts',
  // the packing of features for the CLI's worker
  'geo/transfer.ts',
  // renderSvg's way of writing a large map's polygons (renderSvg is the API)
  'viz/map-paths.ts',
  // the demo generator's parts: its barrel exposes the generator, options and truth only
  'demo/',
];

interface Exported {
  name: string;
  /** A value (function, constant, class) rather than a type only. */
  value: boolean;
  /** The declarations behind the (re-)export. */
  declarations: ts.Declaration[];
  /** Identity of what is exported (the same symbol through any barrel). */
  target: ts.Symbol;
}

/** All `.ts` files under a folder (no declaration files). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
/** Sub-path names (`classify`) of package.json `exports`. */
const subPaths = Object.keys(pkg.exports)
  .filter((k) => k !== '.' && k !== './package.json')
  .map((k) => k.replace(/^\.\//, ''));
/** Folders of src/ that have a barrel. */
const barrelDirs = readdirSync(src).filter((d) => existsSync(join(src, d, 'index.ts')));

let program: ts.Program;
let checker: ts.TypeChecker;

/** What a module exports, through its re-exports. */
function exportsOf(file: string): Exported[] {
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`${file} is not in the program`);
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) return [];
  return checker.getExportsOfModule(mod).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return { name: s.name, value: (target.flags & ts.SymbolFlags.Value) !== 0, declarations: target.declarations ?? [], target };
  });
}

/** Names of the types referenced in the signature of a declaration (parameters, result, type). */
function signatureTypeNames(decl: ts.Node): Set<string> {
  const names = new Set<string>();
  const collect = (node: ts.Node | undefined): void => {
    if (!node) return;
    if (ts.isTypeReferenceNode(node)) names.add(ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text);
    if (ts.isExpressionWithTypeArguments(node) && ts.isIdentifier(node.expression)) names.add(node.expression.text);
    ts.forEachChild(node, collect);
  };
  const signature = (fn: ts.SignatureDeclarationBase): void => {
    fn.typeParameters?.forEach(collect);
    fn.parameters.forEach((p) => collect(p.type));
    collect(fn.type);
  };
  if (ts.isFunctionDeclaration(decl)) signature(decl);
  else if (ts.isVariableDeclaration(decl)) {
    if (decl.type) collect(decl.type);
    else if (decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) signature(decl.initializer);
  } else if (ts.isClassDeclaration(decl)) {
    for (const m of decl.members) {
      if (ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword)) continue;
      collect(m);
    }
  }
  return names;
}

/** `vk.NAME`s of each notebook's code cells. */
function notebookUses(): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  const dir = join(root, 'notebooks');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ipynb')).sort()) {
    const nb = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    const names = new Set<string>();
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      const text = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      for (const m of text.matchAll(/\bvk\s*\.\s*([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
    }
    uses.set(`notebooks/${f}`, names);
  }
  return uses;
}

/** Identifiers inside the README's code (inline `code` and fenced blocks). */
function readmeCodeWords(): Set<string> {
  const md = readFileSync(join(root, 'README.md'), 'utf8');
  const code = [...md.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]).join('\n');
  return new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
}

let rootExports: Exported[];

beforeAll(() => {
  const files = [join(src, 'index.ts'), ...barrelDirs.flatMap((d) => tsFiles(join(src, d)))];
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  program = ts.createProgram(files, { ...config!.options, noEmit: true });
  checker = program.getTypeChecker();
  rootExports = exportsOf(join(src, 'index.ts'));
}, 60_000);

describe('the package root (src/index.ts)', () => {
  it('exports every vk.NAME a notebook uses', () => {
    const exported = new Set(rootExports.map((e) => e.name));
    const missing: string[] = [];
    const uses = notebookUses();
    expect(uses.size).toBeGreaterThan(3);
    for (const [nb, names] of uses) {
      for (const n of names) if (!exported.has(n)) missing.push(`${nb} uses vk.${n}, which src/index.ts does not export`);
    }
    expect(missing).toEqual([]);
  });

  it(`stays at most ${ROOT_BOUND} names`, () => {
    expect(rootExports.length, `src/index.ts exports ${rootExports.length} names`).toBeLessThanOrEqual(ROOT_BOUND);
    // and it is an explicit list, not a barrel of barrels
    expect(readFileSync(join(src, 'index.ts'), 'utf8')).not.toMatch(/export\s*\*/);
  });

  it('exports only names with a user: a notebook, the README, the allow-list or a root function’s signature', () => {
    const used = new Set([...notebookUses().values()].flatMap((s) => [...s]));
    const readme = readmeCodeWords();
    const inSignatures = new Set(rootExports.filter((e) => e.value).flatMap((e) => e.declarations.flatMap((d) => [...signatureTypeNames(d)])));
    const unused = rootExports
      .filter((e) => !used.has(e.name) && !readme.has(e.name) && !(e.name in ALLOWED) && !(!e.value && inSignatures.has(e.name)))
      .map((e) => `${e.name} (${e.value ? 'value' : 'type'}): no notebook, README example or root signature uses it; import it from its sub-path or add it to ALLOWED with a reason`);
    expect(unused).toEqual([]);
    // the allow-list holds only names the root exports and nothing a user already justifies
    for (const n of Object.keys(ALLOWED)) {
      expect(rootExports.map((e) => e.name), `ALLOWED ${n}`).toContain(n);
      expect(used.has(n) || readme.has(n), `ALLOWED ${n} is used already: drop it from the list`).toBe(false);
    }
  });

  it('adds nothing of its own: every name (but VERSION and the errors) comes from a sub-path barrel', () => {
    const fromBarrels = new Set(subPaths.flatMap((d) => exportsOf(join(src, d, 'index.ts')).map((e) => e.target)));
    const own = rootExports
      .filter((e) => !fromBarrels.has(e.target) && !ROOT_ONLY.has(e.name))
      .map((e) => `${e.name} (${relative(root, e.declarations[0]?.getSourceFile().fileName ?? '?')}) is exported by the root but by no sub-path`);
    expect(own).toEqual([]);
  });
});

describe('the sub-paths (package.json exports)', () => {
  it('map ./<dir> to the built barrel of src/<dir>, one for every barrel', () => {
    for (const d of subPaths) {
      expect(pkg.exports[`./${d}`], `exports ./${d}`).toEqual({ types: `./dist/${d}/index.d.ts`, default: `./dist/${d}/index.js` });
      expect(existsSync(join(src, d, 'index.ts')), `src/${d}/index.ts (builds dist/${d}/index.js)`).toBe(true);
    }
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(barrelDirs.slice().sort()).toEqual(subPaths.slice().sort());
  });

  it('each barrel exports every export of its folder’s modules (but the internal files named here)', () => {
    const missing: string[] = [];
    for (const d of subPaths) {
      const barrel = new Set(exportsOf(join(src, d, 'index.ts')).map((e) => e.target));
      expect(barrel.size, `src/${d}/index.ts exports nothing`).toBeGreaterThan(0);
      for (const file of tsFiles(join(src, d))) {
        const rel = relative(src, file);
        if (rel === `${d}/index.ts` || INTERNAL.some((i) => (i.endsWith('/') ? rel.startsWith(i) : rel === i))) continue;
        for (const e of exportsOf(file)) if (!barrel.has(e.target)) missing.push(`${rel}: ${e.name} is not exported by src/${d}/index.ts`);
      }
    }
    expect(missing).toEqual([]);
  });
});
