/**
 * `sbg-task create FILE [--run] [--project P] [--format text|json] [--profile P]`: sends the task
 * file as `POST /tasks` (with `action=run` for --run). Prints the new task's id and web URL on
 * their own lines, for a batch "created batch task (N children when it runs)", then the
 * platform's errors and warnings one a line; --format json prints the
 * task as the platform returned it. Exit 0 created (and running, with --run), 1 created but with
 * errors or not running, 2 nothing created, 3 unknown: the request may have reached the platform
 * but no usable answer came back (connection dropped after sending, a 5xx, an answer that is not
 * JSON), so the message says where to look and claims neither outcome. The request is never
 * repeated (the rule the VS Code commands follow too: platform/src/unknownOutcome.ts).
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { projectTasksWebUrl, taskWebUrl } from '../../../platform/src/environments';
import { issueText, type Task, type TaskIssue, type TaskRequestBody } from '../../../platform/src/types';
import { describeUnknownOutcome, mayHaveActed } from '../../../platform/src/unknownOutcome';
import { connectToPlatform } from '../data/platformConnection';
import { batchFileIds, batchPreview, checkedBody, referencedIds } from '../service';
import { DataLayer } from '../data/dataLayer';
import { DirectPlatformData } from '../data/directPlatformData';
import { DiskCache, defaultCacheDir } from '../data/diskCache';
import type { SbgClient } from '../../../platform/src/client';
import { parseArgs } from './args';
import { EXIT_ERRORS, EXIT_FAILED, EXIT_OK, EXIT_UNKNOWN, type CliIO } from './io';
import { firstTooDeep } from './jsonDepth';
import { readText } from './readText';

export async function createCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { options: ['project', 'format', 'profile'], flags: ['run'], choices: { format: ['text', 'json'] } });
  const fail = (message: string) => {
    io.stderr(`sbg-task create: ${message}\n`);
    return EXIT_FAILED;
  };
  if (parsed.positional.length !== 1) {
    return fail('give exactly one task file. Usage: sbg-task create FILE [--run] [--project P] [--format text|json] [--profile P]');
  }
  const file = parsed.positional[0];
  const read = await readText(file);
  if (read.kind === 'error') return fail(read.message);
  const body = parseBody(file, read.text);
  if (typeof body === 'string') return fail(body);
  const project = parsed.options.get('project');
  if (project !== undefined) body.project = project;
  if (typeof body.project !== 'string' || body.project === '') {
    return fail(`${file} names no project: add "project": "owner/project" to it, or pass --project owner/project`);
  }

  const connected = await connectToPlatform({ profile: parsed.options.get('profile'), env: io.env });
  if (connected.kind !== 'connected') return fail(connected.message);
  const { client, environment } = connected.connection;
  const run = parsed.flags.has('run');

  let task: Task;
  try {
    task = await client.createTask(body, { run });
  } catch (error) {
    if (mayHaveActed(error)) {
      const task = { project: body.project, name: nameOf(body), app: typeof body.app === 'string' ? body.app : undefined, tasksWebUrl: projectTasksWebUrl(environment, body.project) };
      io.stderr(`sbg-task create: the task may or may not have been created: ${describeUnknownOutcome(error as Error, task)}\n`);
      return EXIT_UNKNOWN;
    }
    return fail(`no task was created: ${(error as Error).message}`);
  }

  const errors = task.errors ?? [];
  if (parsed.options.get('format') === 'json') {
    io.stdout(`${JSON.stringify(task, null, 2)}\n`);
  } else {
    const lines = [task.id, taskWebUrl(environment, task.project ?? body.project, task.id)];
    if (task.batch) lines.push(await batchLine(client, read.text, io, run));
    for (const issue of errors) lines.push(issueLine('error', issue));
    for (const issue of task.warnings ?? []) lines.push(issueLine('warning', issue));
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (errors.length > 0) return EXIT_ERRORS;
  if (run && (task.status === undefined || task.status === 'DRAFT')) {
    io.stderr(`sbg-task create: the task was created as a draft but is not running (status ${task.status ?? 'unknown'}).\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}

/**
 * "created batch task (24 children when it runs)": the children counted from the files' metadata
 * as the editor's batch preview counts them. A count that cannot be made (the app or the files
 * could not be read) is said as such; the task exists either way.
 */
async function batchLine(client: SbgClient, text: string, io: CliIO, run: boolean): Promise<string> {
  try {
    const document = TextDocument.create('untitled:create.sbtask.json', 'sbg-task', 0, text);
    const layer = new DataLayer({ source: new DirectPlatformData(client), disk: new DiskCache(defaultCacheDir(io.env)) });
    const { app } = referencedIds(document);
    const withApp = await layer.contexts.ensure({ app, fileIds: [] }, { liveChecks: true });
    const context = await layer.contexts.ensure({ app, fileIds: batchFileIds(document, withApp) }, { liveChecks: true });
    const preview = batchPreview(document, context);
    if (!preview) return 'created batch task';
    const count = preview.children.length;
    const children = `${count} ${count === 1 ? 'child' : 'children'}`;
    const lacking = preview.lacking.length ? `; ${preview.lacking.length} of its files lack ${preview.by.criteria.join(', ')}` : '';
    return `created batch task (${run ? children : `${children} when it runs`}${lacking})`;
  } catch {
    return 'created batch task (its children could not be counted)';
  }
}

/**
 * Deepest nesting `create` sends. Real task bodies nest fewer than ten levels; the bound keeps the
 * recursive parser and serializer far from the stack's limit.
 */
export const MAX_BODY_DEPTH = 1000;

/** The body as an object, or a message saying what is wrong with the file. */
function parseBody(file: string, text: string): TaskRequestBody | string {
  if (text.trim() === '') return `${file} is empty: write the task body as a JSON object with "project", "app" and "inputs"`;
  const tooDeep = firstTooDeep(text, MAX_BODY_DEPTH);
  if (tooDeep !== undefined) {
    return `${file}:${positionOf(text, tooDeep)}: arrays and objects nest more than ${MAX_BODY_DEPTH} levels deep here; ` +
      'no task body needs that (is the file generated or damaged?): fix the nesting, nothing was sent';
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const first = errors[0];
    return `${file}:${positionOf(text, first.offset)}: not valid JSON (${printParseErrorCode(first.error)}): fix it, \`sbg-task lint ${file}\` shows every problem`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${file} holds ${Array.isArray(value) ? 'an array' : 'a single value'}, not a task body: write a JSON object with "project", "app" and "inputs"`;
  }
  // The body as lint checked it: of a key written twice, the first (lint flags it), not parse's last.
  const checked = checkedBody(TextDocument.create('untitled:create.sbtask.json', 'sbg-task', 0, text));
  return (checked.ok ? checked.body : value) as TaskRequestBody;
}

/** `line:column`, 1-based, of an offset. */
function positionOf(text: string, offset: number): string {
  const { line, character } = TextDocument.create('', 'json', 0, text).positionAt(offset);
  return `${line + 1}:${character + 1}`;
}

function nameOf(body: TaskRequestBody): string | undefined {
  return typeof body.name === 'string' && body.name !== '' ? body.name : undefined;
}

function issueLine(severity: 'error' | 'warning', issue: TaskIssue): string {
  // {type, message, input_id} or {error: "..."} (docs/PLATFORM.md#validation-errors-and-warnings): the platform's text either way.
  return `${severity}: ${issue.input_id ? `${issue.input_id}: ` : ''}${issueText(issue) ?? 'the platform gave no text'}`;
}
