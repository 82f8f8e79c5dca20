import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { it } from 'node:test';

it('npm run emulator -- --port 0 prints a JSON line with url and tokens, then serves /v2/user', async () => {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'main.js'), '--port', '0', '--seed', 'test'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = readline.createInterface({ input: child.stdout });
    let info: { url: string; token: string; adminToken: string } | undefined;
    for await (const line of lines) {
      if (line.trimStart().startsWith('{')) {
        info = JSON.parse(line);
        break;
      }
    }
    assert.ok(info, 'the emulator printed a JSON line');
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    assert.match(info.adminToken, /^[0-9a-f]{32}$/);
    const response = await fetch(`${info.url}/user`, { headers: { 'X-SBG-Auth-Token': info.token } });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as any).username, 'alice');
  } finally {
    child.kill();
  }
});
