#!/usr/bin/env bash
# `npm test` (after the build): the whole suite, with what some specs need for real: Debian's chromium
# (the lineage explorer spec drives it) and Redis and PostgreSQL on loopback (started here, and stopped at
# the end, unless HAMILTON_TEST_REDIS_URL and HAMILTON_TEST_POSTGRES_URL already point at running servers).
set -euo pipefail
cd "$(dirname "$0")/.."

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

npx mocha "$@"
