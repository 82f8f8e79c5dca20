/**
 * `sbg-task lint … | head -3`: the reader closes the pipe after a few lines. The CLI must stop
 * writing and end with its own exit code, not die on an unhandled EPIPE with a stack trace.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_MAIN, SMALL_APP } from './runCli';

test('a reader that closes stdout early (| head) gets no EPIPE crash; the exit code is the lint result', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-epipe-'));
  try {
    const app = path.join(dir, 'app.cwl.json');
    fs.writeFileSync(app, SMALL_APP);
    // Enough findings to overflow the pipe buffer many times over.
    const files: string[] = [];
    for (let i = 0; i < 400; i++) {
      const file = path.join(dir, `t${i}.sbtask.json`);
      fs.writeFileSync(file, JSON.stringify({ project: 'a/b', app: 'a/b/c', inputs: { mode: 'slow', threads: 'many', reads: 7 } }));
      files.push(file);
    }
    // The shell's pipe into head, exactly as a user writes it; bash reports the CLI's own exit code.
    const script = `"$0" "$1" lint --app-file "$2" "\${@:3}" | head -1 > /dev/null; exit "\${PIPESTATUS[0]}"`;
    const child = spawn('bash', ['-c', script, process.execPath, CLI_MAIN, app, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|at .*\.js:\d+/);
    assert.equal(code, 1, `lint found errors, so exit 1; stderr: ${stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
