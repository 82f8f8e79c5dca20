#!/usr/bin/env node
// Bundles the extension into dist/ with esbuild: one file for the VS Code client, one for the language
// server, one for the command-line linter. The .vsix ships these bundles instead of node_modules.
//
// usage: node scripts/bundle.js            one build for the package: no source maps, minified
//        node scripts/bundle.js --watch    rebuilds on change, with source maps, for debugging
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

const bundles = [
  // 'vscode' is provided by the extension host at run time and is not an npm package.
  { entry: 'client/src/extension.ts', outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI are also the package's `bin` commands, so they start with a shebang.
  { entry: 'server/src/main.ts', outfile: 'dist/server.js', banner: '#!/usr/bin/env node' },
  { entry: 'server/src/cli/main.ts', outfile: 'dist/cli.js', banner: '#!/usr/bin/env node' },
];

/**
 * Logs one "started" line when a rebuild begins and one "finished" line when every bundle is done, the
 * form the watch task's problem matcher expects (the bundles rebuild together when a shared file changes).
 */
function watchLogger() {
  let building = 0;
  return {
    name: 'watch-logger',
    setup(build) {
      build.onStart(() => {
        if (building++ === 0) console.log('[watch] build started');
      });
      build.onEnd((result) => {
        for (const { text, location } of result.errors) {
          console.error(`✘ [ERROR] ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
        if (--building === 0) console.log('[watch] build finished');
      });
    },
  };
}

/**
 * The language service (server/src/service/) is pure: importing one of its files runs nothing. Saying
 * so lets esbuild leave out what a bundle does not call even though it imports the service through
 * its one facade (service/index.ts): the VS Code client then carries neither the YAML parser nor
 * vscode-json-languageservice.
 */
const pureService = {
  name: 'pure-service',
  setup(build) {
    const service = path.join(root, 'server', 'src', 'service') + path.sep;
    
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'pure-service') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'pure-service' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return resolved.path.startsWith(service) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

function optionsFor(bundle, watch, plugins) {
  return {
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    outfile: bundle.outfile,
    external: bundle.external ?? [],
    banner: bundle.banner ? { js: bundle.banner } : undefined,
    bundle: true,
    platform: 'node',
    // jsonc-parser's and vscode-json-languageservice's UMD builds require('./impl/...') in a way esbuild
    // cannot follow, so the bundle would miss them; their ES module builds bundle cleanly.
    mainFields: ['module', 'main'],
    alias: { 'whatwg-url': './scripts/shims/whatwg-url.js' },
    format: 'cjs',
    target: 'node20',
    sourcemap: watch,
    minify: !watch,
    logLevel: watch ? 'silent' : 'warning',
    plugins: [pureService, ...plugins],
  };
}

async function main() {
  const watch = process.argv.includes('--watch');
  const missing = bundles.filter((b) => !fs.existsSync(path.join(root, b.entry)));
  if (missing.length > 0) {
    for (const b of missing) console.error(`bundle: entry file ${b.entry} is missing, so ${b.outfile} cannot be built`);
    process.exitCode = 1;
    return;
  }
  if (watch) {
    const logger = watchLogger();
    for (const b of bundles) await (await esbuild.context(optionsFor(b, true, [logger]))).watch();
    return;
  }
  await Promise.all(bundles.map((b) => esbuild.build(optionsFor(b, false, []))));
  for (const b of bundles) {
    const kib = (fs.statSync(path.join(root, b.outfile)).size / 1024).toFixed(0);
    console.log(`bundle: ${b.outfile} (${kib} KiB)`);
  }
}

main().catch((error) => {
  // esbuild has already printed the errors with their locations.
  if (!error.errors) console.error(error);
  process.exitCode = 1;
});
