/**
 * `sbg-task outputs TASK_ID [--format text|json] [--profile P]`: a task's output files, one line
 * each (output id, file name, size, type, file id), read with bulk file gets.
 * `sbg-task download TASK_ID [--output DIR] [--profile P]`: downloads them into DIR (default
 * the current folder), each through a temporary file so that a failed or interrupted download
 * leaves nothing behind; an existing file is never overwritten. Exit 0 all done, 1 some file
 * could not be (or the task has no outputs yet), 2 nothing could be done.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SbgClient } from '../../../platform/src/client';
import { describeOutputs, localNames, outputFileRefs, type OutputFile } from '../../../platform/src/taskOutputs';
import { downloadToFile } from '../../../platform/src/transfer';
import { connectToPlatform } from '../data/platformConnection';
import { parseArgs } from './args';
import { EXIT_ERRORS, EXIT_FAILED, EXIT_OK, type CliIO } from './io';

async function taskOutputs(command: string, args: readonly string[], io: CliIO, options: string[]): Promise<{ client: SbgClient; files: OutputFile[]; parsed: ReturnType<typeof parseArgs> } | number> {
  const parsed = parseArgs(args, { options: [...options, 'profile'], flags: [], choices: { format: ['text', 'json'] } });
  const fail = (message: string, code = EXIT_FAILED) => {
    io.stderr(`sbg-task ${command}: ${message}\n`);
    return code;
  };
  if (parsed.positional.length !== 1) return fail(`give exactly one task id. Usage: sbg-task ${command} TASK_ID${command === 'download' ? ' [--output DIR]' : ' [--format text|json]'} [--profile P]`);
  const connected = await connectToPlatform({ profile: parsed.options.get('profile'), env: io.env });
  if (connected.kind !== 'connected') return fail(connected.message);
  const { client } = connected.connection;
  const taskId = parsed.positional[0];
  try {
    const task = await client.getTask(taskId, { fields: 'id,name,status,outputs' });
    const refs = outputFileRefs(task);
    if (refs.length === 0) return fail(`task ${taskId} (${task.status ?? 'unknown status'}) has no output files${task.status === 'COMPLETED' ? '' : ' yet: outputs appear when it completes'}.`, EXIT_ERRORS);
    return { client, files: await describeOutputs(client, refs), parsed };
  } catch (error) {
    return fail((error as Error).message);
  }
}

export async function outputsCommand(args: readonly string[], io: CliIO): Promise<number> {
  const result = await taskOutputs('outputs', args, io, ['format']);
  if (typeof result === 'number') return result;
  const { files, parsed } = result;
  if (parsed.options.get('format') === 'json') {
    io.stdout(`${JSON.stringify(files.map(({ outputId, index, fileId, name, size, fileType }) => ({ output: outputId, index, id: fileId, name, size, type: fileType })), null, 2)}\n`);
  } else {
    io.stdout(files.map((file) => [`${file.outputId}${file.index !== undefined ? `[${file.index}]` : ''}`, file.name, file.size ?? '', file.fileType, file.fileId].join('\t')).join('\n') + '\n');
  }
  return EXIT_OK;
}

export async function downloadCommand(args: readonly string[], io: CliIO): Promise<number> {
  const result = await taskOutputs('download', args, io, ['output']);
  if (typeof result === 'number') return result;
  const { client, files, parsed } = result;
  const dir = path.resolve(parsed.options.get('output') ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    io.stderr(`sbg-task download: ${dir} is not a folder: create it first, or pass --output with an existing folder.\n`);
    return EXIT_FAILED;
  }
  const names = localNames(files);
  let failed = 0;
  for (const [i, file] of files.entries()) {
    const target = path.join(dir, names[i]);
    if (fs.existsSync(target)) {
      io.stderr(`sbg-task download: ${target} exists; not overwritten (move it away or choose another --output).\n`);
      failed++;
      continue;
    }
    try {
      const { url } = await client.getDownloadInfo(file.fileId);
      const bytes = await downloadToFile(url, target);
      io.stdout(`${target}\t${bytes}\n`);
    } catch (error) {
      io.stderr(`sbg-task download: ${file.name} (${file.fileId}): ${(error as Error).message}\n`);
      failed++;
    }
  }
  return failed > 0 ? EXIT_ERRORS : EXIT_OK;
}
