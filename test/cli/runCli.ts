/** Runs the compiled CLI (out/server/src/cli/main.js) as a child process and collects what it prints. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const CLI_MAIN = path.resolve(__dirname, '../../server/src/cli/main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** A small CWL v1.0 app: File[] reads (required), enum mode (required), int? threads. */
export const SMALL_APP = JSON.stringify({
  cwlVersion: 'v1.0',
  class: 'CommandLineTool',
  inputs: [
    { id: 'reads', type: 'File[]', 'sbg:fileTypes': 'FASTQ' },
    { id: 'mode', type: { type: 'enum', symbols: ['fast', 'full'] } },
    { id: 'threads', type: 'int?' },
  ],
  outputs: [],
});

export const FILE_ID = '5f0c1c0de4b0a6d31ab1f0a1';
