/**
 * `sbg-task lint FILE... [--format text|json] [--app-file APP] [--profile P]`: the editor's
 * diagnostics for CI. Text lines are compiler-style (`file:line:col: severity code message`,
 * 1-based); JSON is one array of `{file, range, severity, code, message}` with LSP ranges.
 * Exit 0 without errors, 1 with errors, 2 when it could not run (usage, an unreadable file, or
 * the app's ports needed but neither fetched nor cached).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DataLayer } from '../data/dataLayer';
import { DirectPlatformData } from '../data/directPlatformData';
import { DiskCache, defaultCacheDir } from '../data/diskCache';
import { connectToPlatform } from '../data/platformConnection';
import { referencedIds, validate, type AppState } from '../service';
import { readAppFile } from './appFile';
import { parseArgs } from './args';
import { EXIT_ERRORS, EXIT_FAILED, EXIT_OK, type CliIO } from './io';
import { readText } from './readText';

export interface LintProblem {
  file: string;
  range: Range;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

const SEVERITY_NAMES = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
} as const;

export async function lintCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { options: ['format', 'app-file', 'profile'], flags: [], choices: { format: ['text', 'json'] } });
  if (parsed.positional.length === 0) {
    io.stderr('sbg-task lint: no task file given. Usage: sbg-task lint FILE... [--format text|json] [--app-file APP] [--profile P]\n');
    return EXIT_FAILED;
  }
  const format = parsed.options.get('format') ?? 'text';
  let couldNotRun = false;
  const failed = (message: string) => {
    io.stderr(`sbg-task lint: ${message}\n`);
    couldNotRun = true;
  };

  let localApp: AppState | undefined;
  const appFile = parsed.options.get('app-file');
  if (appFile !== undefined) {
    localApp = await readLocalApp(appFile, failed);
    if (!localApp) return EXIT_FAILED;
  }
  const data = localApp ? undefined : await platformData(parsed.options.get('profile'), io);

  const problems: LintProblem[] = [];
  for (const file of parsed.positional) {
    const read = await readText(file);
    if (read.kind === 'error') {
      failed(read.message);
      continue;
    }
    if (read.note) io.stderr(`sbg-task lint: ${read.note}\n`);
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'sbg-task', 1, read.text);
    const ids = referencedIds(document);
    const context = data
      ? await data.layer.contexts.ensure(ids, { liveChecks: true })
      : { app: localApp };
    if (ids.app && context.app?.state === 'unavailable') {
      const why = data?.problem ?? context.app.reason;
      failed(`${file}: the ports of app ${ids.app.id} are needed but could not be fetched and are not cached: ${why}`);
    }
    // Checks run family by family; a reader of a CI log expects the file's lines in order.
    const diagnostics = validate(document, context).sort(byPosition);
    for (const diagnostic of diagnostics) problems.push(toProblem(file, diagnostic));
  }

  io.stdout(format === 'json' ? `${JSON.stringify(problems, null, 2)}\n` : problems.map(toLine).join(''));
  if (couldNotRun) return EXIT_FAILED;
  return problems.some((problem) => problem.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}

async function readLocalApp(spec: string, failed: (message: string) => void): Promise<AppState | undefined> {
  const read = await readAppFile(spec);
  if (read.kind === 'error') {
    failed(read.message);
    return undefined;
  }
  return { state: 'ready', model: read.model };
}

/** The platform through the data layer (with the disk cache of its API base); without credentials, no environment to read a cache for. */
async function platformData(profile: string | undefined, io: CliIO): Promise<{ layer: DataLayer; problem?: string }> {
  const connected = await connectToPlatform({ profile, env: io.env });
  const disk = new DiskCache(defaultCacheDir(io.env));
  if (connected.kind === 'connected') {
    return { layer: new DataLayer({ source: new DirectPlatformData(connected.connection.client), disk }) };
  }
  return { layer: new DataLayer({ disk }), problem: `${connected.message} Or check against a local app with --app-file.` };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function toProblem(file: string, diagnostic: Diagnostic): LintProblem {
  return {
    file,
    range: diagnostic.range,
    severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code ?? ''),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

function toLine(problem: LintProblem): string {
  const { line, character } = problem.range.start;
  const message = problem.message.replace(/\s*\n\s*/g, ' ');
  return `${problem.file}:${line + 1}:${character + 1}: ${problem.severity} ${problem.code} ${message}\n`;
}
