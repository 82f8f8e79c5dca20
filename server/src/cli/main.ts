/**
 * `sbg-task`: the task-file tools for terminals and CI. `lint` checks task files as the editor
 * does, `inputs` lists an app's input ports, `create` sends a task file to the platform,
 * `outputs` and `download` list and fetch a task's output files.
 */
import { createCommand } from './create';
import { inputsCommand } from './inputs';
import { EXIT_FAILED, EXIT_OK, type CliIO } from './io';
import { lintCommand } from './lint';
import { downloadCommand, outputsCommand } from './outputs';
import { UsageError } from './args';
import { packageVersion } from '../version';

const USAGE = `Usage: sbg-task <command> [options]

Commands:
  lint FILE... [--format text|json] [--app-file APP] [--profile P]
      Check task files (*.sbtask.json) against the body's rules and the app's input ports.
      Prints file:line:col: severity code message (or a JSON array with --format json).
      --app-file APP checks against a local app (raw CWL or the API's app JSON); then no
      platform lookups are made. APP#ID picks one process of a packed CWL document ($graph).
      Exit 0: no errors; 1: errors; 2: could not run.
  inputs APP_FILE[#ID] [--format text|json]
      List an app's input ports (id, type, required, default, ...).
  create FILE [--run] [--project P] [--format text|json] [--profile P]
      Create a draft task from FILE (and run it with --run); --project overrides the file's.
      Prints the task id and its web URL, then the platform's errors and warnings
      (--format json: the task as returned). Exit 0: created (and running with --run);
      1: created with errors, or not running; 2: nothing created; 3: unknown, the
      request may have reached the platform but no usable answer came back (the
      message says where to look for the task; it is never sent twice).
  outputs TASK_ID [--format text|json] [--profile P]
      List a task's output files: output id, file name, size, type, file id (bulk file reads).
  download TASK_ID [--output DIR] [--profile P]
      Download a task's output files into DIR (default: here). A failed or interrupted download
      leaves no file; existing files are not overwritten. Exit 0: all; 1: some not; 2: none.

Options:
  --help      print this help
  --version   print the version

Credentials: SB_API_ENDPOINT and SB_AUTH_TOKEN, or a profile of ~/.sevenbridges/credentials
(--profile or SB_PROFILE; "default" otherwise). App ports are cached in
$XDG_CACHE_HOME/sbg-tasks/apps (~/.cache/sbg-tasks/apps) and used when the platform is offline.
`;

const COMMANDS: Record<string, (args: readonly string[], io: CliIO) => Promise<number>> = {
  lint: lintCommand,
  inputs: inputsCommand,
  create: createCommand,
  outputs: outputsCommand,
  download: downloadCommand,
};

export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? EXIT_FAILED : EXIT_OK;
  }
  if (command === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`sbg-task: unknown command "${command}".\n\n${USAGE}`);
    return EXIT_FAILED;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sbg-task ${command}: ${error.message}\n\n${USAGE}`);
    } else {
      io.stderr(`sbg-task ${command}: unexpected failure: ${(error as Error).stack ?? error}\n`);
    }
    return EXIT_FAILED;
  }
}

if (require.main === module) {
  // A reader that stops early (`sbg-task lint … | head`) closes the pipe: stop writing to it and let
  // the command finish, so a create in flight still ends and the exit code stays the command's.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  const io: CliIO = {
    stdout: (text) => { if (!stdoutClosed) process.stdout.write(text); },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
