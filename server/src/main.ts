/**
 * `sbg-task-ls`: the task-file language server for any editor. `--stdio` (the default) or
 * `--node-ipc` (what the VS Code client uses); `--version`; `--help`.
 */
import { inspect } from 'node:util';
import { ProposedFeatures, createConnection, type Connection } from 'vscode-languageserver/node';
import { GuardedMessageReader } from './frameGuard';
import { formatError } from './runSafe';
import { startServer } from './server';
import { packageVersion } from './version';
import { WholeMessageWriter } from './wholeMessageWriter';

const USAGE = `Usage: sbg-task-ls [--stdio | --node-ipc] [--version] [--help]

The Seven Bridges task-file language server (files *.sbtask.json, language id sbg-task).
  --stdio      talk LSP over stdin/stdout (the default)
  --node-ipc   talk LSP over Node's IPC channel (used by the VS Code extension)
  --version    print the version and exit
  --help       print this help and exit

Platform data (app ports, projects, files) comes from SB_API_ENDPOINT and SB_AUTH_TOKEN, or from a
profile of ~/.sevenbridges/credentials (SB_PROFILE names it; "default" otherwise). App ports are
cached in $XDG_CACHE_HOME/sbg-tasks/apps (~/.cache/sbg-tasks/apps), so the server works offline.
`;

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

function main(args: string[]): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.includes('--version')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  const unknown = args.filter((arg) => arg.startsWith('-') && !TRANSPORTS.some((transport) => arg.startsWith(transport)) && !arg.startsWith('--clientProcessId'));
  if (unknown.length > 0) {
    process.stderr.write(`sbg-task-ls: unknown option ${unknown[0]}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // Without a transport argument, stdio is what editors expect.
  const stdio = !args.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport) && transport !== '--stdio'));
  const connection = stdio ? stdioConnection() : createConnection(ProposedFeatures.all);
  // As VS Code's JSON server does: a promise nobody waited for is logged, not fatal (Node's default).
  process.on('unhandledRejection', (error) => connection.console.error(formatError('Unhandled rejection', error)));
  startServer(connection);
}

/**
 * stdio through the guarded reader (frameGuard.ts): a client that gets a Content-Length wrong is
 * told why on stderr and the server exits with 1, so the editor starts a fresh one, instead of
 * staying alive and deaf. Each message goes out in one write (wholeMessageWriter.ts), so the
 * editor wakes once per answer.
 */
function stdioConnection(): Connection {
  const reader = new GuardedMessageReader(process.stdin, {
    onLost: (reason) => {
      process.stderr.write(`sbg-task-ls: the LSP input lost its framing: ${reason}. Messages were lost, so the open documents may differ from the editor's; exiting so that the editor starts a fresh server.\n`);
      process.exit(1);
    },
  });
  // What createConnection does for a stream it reads itself (given a reader, it does not): the end
  // of the input ends the server, with 0 after a shutdown request and 1 otherwise.
  const exitAtEnd = () => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exitAtEnd);
  process.stdin.on('close', exitAtEnd);
  // stdout carries the protocol: anything a library prints goes to stderr (createConnection does the
  // same for its own --stdio, which this replaces).
  const toStderr = (...items: unknown[]): void => { process.stderr.write(`${items.map((item) => typeof item === 'string' ? item : inspect(item)).join(' ')}\n`); };
  console.log = console.info = console.debug = console.warn = console.error = toStderr;
  return createConnection(ProposedFeatures.all, reader, new WholeMessageWriter(process.stdout));
}

main(process.argv.slice(2));
