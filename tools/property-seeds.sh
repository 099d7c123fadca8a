#!/usr/bin/env bash
# Runs every property test of the build with fresh random seeds and more tries: the build itself
# runs them with the fixed seeds written on them, so that it never fails by the luck of a seed.
#
#   tools/property-seeds.sh [RUNS] [TRIES_FACTOR]     (defaults: 20 runs, 3 times the tries)
#
# Each run draws a new seed for every property and prints it ("[property seed] ..."); a failing
# run's log is kept in target/property-seeds/. Replay a failure with
#   mvn -B test -pl runtime,processor,conformance -Dtest=<Class> -Danneal.property.seed=<seed>
# and keep it as a fixed-seed regression test.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
factor=${2:-3}
logs=target/property-seeds
mkdir -p "$logs"

failed=0
for run in $(seq 1 "$runs"); do
  log="$logs/run-$run.log"
  if mvn -B test -pl runtime,processor,conformance -Dtest='*PropertyTest' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.redirectTestOutputToFile=false \
      -Danneal.property.seed=random -Danneal.property.triesFactor="$factor" >"$log" 2>&1; then
    status=passed
  else
    status=FAILED
    failed=$((failed + 1))
  fi
  seeds=$(grep -o '\[property seed\] [^:]*:[^:]*: seed = "[0-9]*"' "$log" | sed 's/\[property seed\] //' | tr '\n' ';')
  echo "run $run: $status  $seeds"
  [ "$status" = passed ] && rm -f "$log"
done
echo "$((runs - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
