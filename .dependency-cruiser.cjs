/**
 * The layering rules of DESIGN.md, checked in `npm test` (tests/layering.test.ts) and by `npm run lint:layers`.
 * Imports point down: renderer → src (pure parts), electron → src, src/node → src.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-ui',
      comment: 'Nothing in src/ imports renderer/ or electron/: the core must run in any host.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(renderer|electron)/' },
    },
    {
      name: 'disk-only-in-src-node',
      comment: 'Only src/node/ touches the disk or starts processes; everything else stays pure and testable.',
      severity: 'error',
      from: { path: '^(src|renderer|electron)/', pathNot: '^src/node/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process)$' },
    },
    {
      name: 'renderer-uses-pure-core',
      comment: 'The renderer reaches a dossier only through window.parley, never through the Node side of src/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^src/node/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
