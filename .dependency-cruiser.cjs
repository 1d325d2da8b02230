/**
 * The dependency check (`pnpm deps`; shared/workshop/test/dependencies.test.ts proves each rule fires): the
 * workspace's import graph has no cycle, packages import each other only through a declared dependency's
 * `exports`, and app code (labs/NN/src, solutions/NN/src, a lab's given.ts) uses no measuring package.
 *
 * The rules are computed from the workspace depcruise runs in (its working directory): the package folders
 * pnpm-workspace.yaml lists and the workspace packages each package.json declares. depcruise resolves a
 * workspace import to the real file in the other package's folder, so "undeclared" is checked here by folder:
 * one rule per package, naming the package folders it may not import from.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = process.cwd();

/** Package folders (relative, posix) of pnpm-workspace.yaml's `packages:` list: `dir/*` globs and plain folders. */
function packageFolders() {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\s*\n((?:\s+-\s*.+\n?)+)/m.exec(yaml)?.[1] ?? '';
  const globs = [...block.matchAll(/-\s*['"]?([^'"\s#]+)['"]?/g)].map((m) => m[1]);
  const folders = globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return folders.filter((folder) => existsSync(join(root, folder, 'package.json'))).sort();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const packages = packageFolders().map((folder) => {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
  const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies });
  return { folder, name: manifest.name, declared };
});
const folderOf = new Map(packages.map((pkg) => [pkg.name, pkg.folder]));
const anyPackage = `^(${packages.map((pkg) => escapeRegExp(pkg.folder)).join('|')})/`;

/** One rule per package: no import resolving into the folder of a workspace package its package.json does not declare. */
const undeclaredRules = packages.flatMap((pkg) => {
  const allowed = new Set([pkg.folder, ...pkg.declared.map((name) => folderOf.get(name)).filter(Boolean)]);
  const others = packages.filter((other) => !allowed.has(other.folder));
  if (others.length === 0) return [];
  return [
    {
      name: 'not-to-undeclared',
      comment: `${pkg.folder} (${pkg.name}) imports a workspace package its package.json does not declare: add it to dependencies (or devDependencies for tests and tools) as "workspace:*", or import something it declares.`,
      severity: 'error',
      from: { path: `^${escapeRegExp(pkg.folder)}/` },
      to: { path: `^(${others.map((other) => escapeRegExp(other.folder)).join('|')})/` },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'This import closes a cycle (the violation lists it): move what both sides need into a package or module that imports neither.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-cross-package-relative',
      comment:
        "A relative path into another package's folder goes around its exports: declare the package and import it by name (`@hotpath/<name>/<export>`), adding the export to its package.json if it has none.",
      severity: 'error',
      from: { path: anyPackage },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/' },
    },
    ...undeclaredRules,
    {
      name: 'no-non-package-json',
      comment: "A package imported but declared in no package.json on its way up: declare it in the importing package's package.json.",
      severity: 'error',
      from: {},
      // npm-no-pkg also marks a package named in peerDependenciesMeta: a package declared elsewhere too is fine.
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['npm', 'npm-dev', 'npm-peer', 'npm-optional'] },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        "An import that resolves to no file: an undeclared workspace package (pnpm links only declared ones), a subpath its package.json's exports do not list, or a typo. The aliases tools resolve (#lab/ in lab tests, Docusaurus' @theme/, @docusaurus/, @site/) are left out.",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^#lab/', '^@theme(-original)?/', '^@docusaurus/', '^@site/'] },
    },
    {
      name: 'app-not-to-measuring',
      comment:
        "App code (a package's src/ or a lab's given.ts under labs/ or solutions/) imports a measuring package (@hotpath/harness, @hotpath/kit): what the app needs at run time belongs in @hotpath/api.",
      severity: 'error',
      from: { path: '^(labs|solutions)/[^/]+/(src/|given\\.ts$)' },
      to: {
        path: `^(${['@hotpath/harness', '@hotpath/kit'].map((name) => escapeRegExp(folderOf.get(name) ?? `shared/${name.slice('@hotpath/'.length)}`)).join('|')})/`,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(build|dist|\\.docusaurus|\\.hotpath|\\.checkpoint|\\.pristine|\\.test-scratch|test/fixtures)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    skipAnalysisNotInRules: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
