// `npm run demo -- --check`: what must hold once the demo is up. Each check answers with what it
// saw, so a failure says what is wrong rather than only that something is.
'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');

/** The sample task files and what `sbg-task lint` must say about each (error codes, sorted). */
const EXPECTED_LINT = [
  // The STAR app batches by sample by default: the single-task file says it will run as a batch.
  { file: 'align-sample-S01.sbtask.json', exitCode: 0, errorCodes: [], otherCodes: ['information sbg.default-batch'] },
  { file: 'germline-batch-24-samples.sbtask.json', exitCode: 0, errorCodes: [] },
  {
    file: 'align-with-mistakes.sbtask.json',
    exitCode: 1,
    errorCodes: ['sbg.batch-pair', 'sbg.input-type', 'sbg.missing-required-input', 'sbg.unknown-input'],
  },
];

const EXTENSION_ID = 'sbg-tasks-dev.sbg-tasks';

/**
 * Runs every check against a started demo (scripts/demo/demo.js).
 * @returns {Promise<Array<{ name: string, ok: boolean, detail: string }>>}
 */
async function checkDemo(demo) {
  const results = [];
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail });
    } catch (error) {
      results.push({ name, ok: false, detail: error.message });
    }
  };
  await check('code-server answers /healthz', async () => {
    const { status, body } = await get(`${demo.codeServerUrl}/healthz`);
    expect(status === 200, `status ${status}`);
    return body.trim();
  });
  await check('the emulator accepts the demo token', async () => {
    const { status, body } = await get(`${demo.apiUrl}/user`, { 'X-SBG-Auth-Token': demo.token });
    expect(status === 200, `GET /user answered ${status}`);
    return `signed in as ${JSON.parse(body).username}`;
  });
  await check('the extension is installed in code-server', async () => {
    const installed = fs.readdirSync(demo.extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    expect(installed.length === 1, `found ${JSON.stringify(installed)} in ${demo.extensionsDir}`);
    return installed[0];
  });
  for (const expected of EXPECTED_LINT) {
    await check(`sbg-task lint ${expected.file}`, () => lintMatches(demo, expected));
  }
  return results;
}

async function lintMatches(demo, { file, exitCode, errorCodes, otherCodes = [] }) {
  const filePath = path.join(demo.workspace, file);
  expect(fs.existsSync(filePath), `${filePath} does not exist`);
  const env = { ...process.env, SB_API_ENDPOINT: demo.apiUrl, SB_AUTH_TOKEN: demo.token, XDG_CACHE_HOME: demo.cacheDir };
  const result = await run(process.execPath, [CLI, 'lint', filePath, '--format', 'json'], env);
  const problems = result.stdout.trim() ? JSON.parse(result.stdout) : [];
  const seen = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort();
  const others = problems.filter((p) => p.severity !== 'error').map((p) => `${p.severity} ${p.code}`);
  expect(result.exitCode === exitCode, `exit ${result.exitCode}, expected ${exitCode}; ${result.stderr.trim()}`);
  expect(JSON.stringify(seen) === JSON.stringify(errorCodes), `errors ${JSON.stringify(seen)}, expected ${JSON.stringify(errorCodes)}`);
  expect(JSON.stringify(others) === JSON.stringify(otherCodes), `unexpected ${others.join(', ')}`);
  return `exit ${exitCode}${seen.length ? `: ${seen.join(', ')}` : others.length ? '' : ', no problems'}${others.length ? ` (${others.join(', ')})` : ''}`;
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    }).on('error', reject);
  });
}

function run(command, args, env) {
  return new Promise((resolve) => {
    execFile(command, args, { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
    });
  });
}

module.exports = { checkDemo, EXPECTED_LINT };
