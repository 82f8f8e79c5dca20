#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3's server and web workbench) from the npm registry alone into a
# cache folder that later runs reuse. The end-to-end tests and the demo start it from there.
#
# usage: bash scripts/e2e/install-code-server.sh [DEST]
#   DEST defaults to $SBG_CODE_SERVER_DIR, else ${XDG_CACHE_HOME:-~/.cache}/sbg-tasks/code-server.
# needs: python3, make, g++ and the Debian package libkrb5-dev (native modules are compiled here):
#   apt-get install -y libkrb5-dev python3 make g++
# It is idempotent: when the wanted version is already installed it says so and does nothing.
set -euo pipefail

CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}   # the last code-server whose engines.node is 20
RIPGREP_PACKAGE_VERSION=1.18.0                         # @vscode/ripgrep-linux-x64, ships an rg binary
DEST=${1:-${SBG_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sbg-tasks/code-server}}
mkdir -p "$DEST" && DEST=$(cd "$DEST" && pwd)

installed_version() {
  node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] \
   && [ -x "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "code-server $CODE_SERVER_VERSION is already installed in $DEST"
  exit 0
fi

echo "installing code-server $CODE_SERVER_VERSION into $DEST (about 1.5 minutes: native modules are compiled)"
cd "$DEST"
rm -rf node_modules package-lock.json
echo '{ "name": "sbg-tasks-code-server", "private": true }' > package.json

# 1. code-server pins @vscode/ripgrep (1.15.11 in 4.100.3, 1.17.1 in 4.117.0), whose postinstall downloads
#    rg from GitHub. It first looks for $TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<rg version>-<target>.tar.gz,
#    so that cache is seeded with the rg binary of the npm package @vscode/ripgrep-linux-x64.
export TMPDIR="$DEST/tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR/rg"
(cd "$TMPDIR" && npm pack --silent "@vscode/ripgrep-linux-x64@$RIPGREP_PACKAGE_VERSION" > /dev/null)
tar xzf "$TMPDIR/vscode-ripgrep-linux-x64-$RIPGREP_PACKAGE_VERSION.tgz" -C "$TMPDIR/rg"
for pinned in 1.15.11:v13.0.0-10 1.17.1:v15.0.1; do
  package_version=${pinned%%:*} rg_version=${pinned##*:}
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$package_version"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$package_version/ripgrep-$rg_version-x86_64-unknown-linux-musl.tar.gz" \
    -C "$TMPDIR/rg/package/bin" rg
done

# 2. code-server's postinstall.sh refuses to run as root unless npm_config_unsafe_perm=true (it reads the env var).
# 3. node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc would cancel.
# 4. npm 11 may block install scripts not covered by allowScripts; this install needs all of them, nested ones too.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true
# 5. node-gyp builds against the running Node's headers when they are on disk instead of downloading them.
NODE_PREFIX=$(cd "$(dirname "$(command -v node)")/.." && pwd)
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$NODE_PREFIX/include/node/node.h" ]; then
  export npm_config_nodedir="$NODE_PREFIX"
fi
npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION"
rm -rf "$TMPDIR"

if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
  echo "code-server $CODE_SERVER_VERSION did not install into $DEST; see npm's output above" >&2
  exit 1
fi
echo "installed code-server $CODE_SERVER_VERSION in $DEST"
