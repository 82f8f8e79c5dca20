/**
 * `sbg-task-ls`: the task-file language server for any editor. `--stdio` (the default) or
 * `--node-ipc` (what the VS Code client uses); `--version`; `--help`.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { packageVersion } from './version';

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
  // createConnection picks the transport from argv; without one, stdio is what editors expect.
  if (!args.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) process.argv.push('--stdio');
  startServer(createConnection(ProposedFeatures.all));
}

main(process.argv.slice(2));
