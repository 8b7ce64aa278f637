#!/usr/bin/env bash
# `npm test` (after the build): the unit specs, then the integration specs (`*.integration.spec.ts`), which need
# for real Debian's chromium (the lineage explorer spec drives it), Redis and PostgreSQL on loopback (started
# here, and stopped at the end, unless HAMILTON_TEST_REDIS_URL and HAMILTON_TEST_POSTGRES_URL already point at
# running servers), redis-server itself (the BullMQ specs start their own) and the npm registry (the package
# specs install the packed package into fresh projects).
#   bash .ci/test.sh [all|unit|integration] [mocha options]   (npm test, npm run test:unit, npm run test:integration;
#   e.g. npm run test:unit -- --grep cycles)
set -euo pipefail
cd "$(dirname "$0")/.."

suite=all
case "${1:-}" in
  all | unit | integration)
    suite=$1
    shift
    ;;
esac

if [ "$suite" != unit ]; then
  if ! command -v chromium > /dev/null || [ ! -d /usr/share/fonts/truetype/liberation ]; then
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root="sudo"
    $as_root apt-get update
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y --no-install-recommends chromium fonts-liberation
  fi
  if [ -z "${HAMILTON_TEST_REDIS_URL:-}" ] || [ -z "${HAMILTON_TEST_POSTGRES_URL:-}" ]; then
    # shellcheck source=services.sh
    source .ci/services.sh
    start_services
    trap stop_services EXIT
  fi
fi

if [ "$suite" != integration ]; then
  echo "== unit specs"
  npx mocha --config .mocharc.unit.json "$@"
fi
if [ "$suite" != unit ]; then
  echo "== integration specs"
  npx mocha --config .mocharc.integration.json "$@"
fi
