// Why installing code-server failed, read from npm's debug log: a download that was refused (no
// network, a proxy or mirror saying no, node-gyp unable to fetch Node's headers) needs a different
// fix from missing build tools (python3, make, g++, the Kerberos headers a native module compiles
// against). `explainInstallFailure` names the one the log shows, with its line, instead of always
// suggesting apt-get.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const REFUSED = [
  /\b(E403|E401|E407|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|CERT_\w+|SELF_SIGNED_CERT\w*|UNABLE_TO_\w+)\b/,
  /gyp ERR! .*(?:download|tarball|headers)/i,
  /request to \S+ failed/i,
  /\b403 Forbidden\b/,
];
const BUILD_TOOLS = [
  /gyp ERR! find Python/i,
  /gyp ERR! stack Error: not found: make/i,
  /\b(?:make|g\+\+|cc|c\+\+|python3?): (?:command )?not found/i,
  /(?:gssapi|krb5)[\w/.]*\.h: No such file or directory/i,
  /krb5-config: (?:command )?not found/i,
  /fatal error: [\w/.]+\.h: No such file or directory/i,
];

/** { kind: 'refused-download' | 'build-tools' | 'unknown', line } from the text of npm's log. */
function classifyInstallLog(text) {
  const lines = text.split(/\r?\n/);
  // Build tools first: a missing compiler also makes node-gyp's later steps print network-looking noise.
  for (const [kind, patterns] of [['build-tools', BUILD_TOOLS], ['refused-download', REFUSED]]) {
    const line = lines.find((candidate) => patterns.some((pattern) => pattern.test(candidate)));
    if (line) return { kind, line: line.trim().replace(/(_authToken|token|password)=\S+/gi, '$1=***') };
  }
  return { kind: 'unknown', line: undefined };
}

/** The newest npm debug log written at or after `since` (ms), under the npm cache's _logs folder. */
function newestNpmLog(since, env = process.env) {
  const cache = env.npm_config_cache || path.join(os.homedir(), '.npm');
  const dir = path.join(cache, '_logs');
  let newest;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('.log')) continue;
    const file = path.join(dir, name);
    const mtime = fs.statSync(file).mtimeMs;
    if (mtime >= since && (!newest || mtime > newest.mtime)) newest = { file, mtime };
  }
  return newest && newest.file;
}

/** A message that says what went wrong and what to do, given the log (or none). */
function explainInstallFailure(logFile, buildToolsCommand) {
  const found = logFile && fs.existsSync(logFile) ? classifyInstallLog(fs.readFileSync(logFile, 'utf8')) : { kind: 'unknown' };
  const where = logFile ? ` (npm's log: ${logFile})` : '';
  switch (found.kind) {
    case 'refused-download':
      return `installing code-server failed because a download was refused: ${found.line}${where}. ` +
        'Check the network, proxy (HTTPS_PROXY) and npm registry settings; the build tools are not the problem. Then run npm run demo again.';
    case 'build-tools':
      return `installing code-server failed because a build tool or header is missing: ${found.line}${where}. ` +
        `On Debian install them with: ${buildToolsCommand}; then run npm run demo again.`;
    default:
      return `installing code-server failed; npm's output above says why${where}. It needs the npm registry and, on Debian, ${buildToolsCommand}.`;
  }
}

/**
 * node-gyp downloads Node's headers unless told where they are: the running Node's own, when its
 * installation has them (`<prefix>/include/node/node.h`), as npm_config_nodedir.
 */
function localNodeDir(execPath = process.execPath) {
  const prefix = path.resolve(path.dirname(execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

module.exports = { classifyInstallLog, newestNpmLog, explainInstallFailure, localNodeDir };
