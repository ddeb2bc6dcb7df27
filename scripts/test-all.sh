#!/usr/bin/env bash
# `npm test`: content check, lint, types, build, unit tests (vitest), browser tests (Playwright),
# the bench and its budgets, then one closing line "tests: N passed, N failed" for CI's log reader.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh || exit 1
rm -rf reports && mkdir -p reports
status=0
npm run -s check || status=1
npm run -s build || { echo "test: build failed" >&2; node scripts/ci-summary.ts --failed-before-tests; exit 1; }
npx vitest run || status=1
npx playwright test || status=1
# Speed and size budgets (limits in budgets.json): a breach fails with the figure and the limit.
node scripts/bench.ts || status=1
node scripts/budgets.ts || status=1
node scripts/ci-summary.ts || status=1
exit $status
