#!/usr/bin/env bash
# Issue 12's benchmark (README, "Performance"): builds the jars, starts the Atlassian simulator and the application
# as processes of their own, measures, stops everything it started, prints a table and writes target/bench/result.json.
#   bench/run.sh              the whole run (H2 file database; about a quarter of an hour on 2 cores)
#   bench/run.sh --postgres   the same on a real PostgreSQL (embedded binaries, no Docker)
#   bench/run.sh --quick      a tenth of every count, to try it
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for arg in "$@"; do
  case "$arg" in
    --postgres) args+=("-Dbench.postgres=true") ;;
    --quick) args+=("-Dbench.scale=0.1") ;;
    *) echo "unknown option: $arg (use --postgres, --quick)" >&2; exit 2 ;;
  esac
done

mvn -B -ntp verify -Pbench "${args[@]}"
echo "result: target/bench/result.json"
