#!/usr/bin/env bash
# Builds the published artifacts twice and compares them byte for byte: two copies of the working
# tree at two different paths, each packaged from scratch (tests skipped), must give the same
# jars (classes, sources, Javadoc) and POMs. A difference names the artifact; diffoscope, where
# installed, shows what differs.
#
#   tools/reproducible-build.sh [MAVEN OPTIONS...]     (for example -o to build offline)
#
# The copies live in a temporary folder, removed at the end; the working tree's own target/
# folders are left as they are, and nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The published modules, and the processor that the integrations' tests compile with.
modules=bom,runtime,processor,integrations/djl,integrations/dl4j
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for build in first second-build; do
  mkdir "$work/$build"
  # The sources as they stand, committed or not, without build output or ignored files.
  git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$work/$build"
  echo "building $build copy..."
  if ! (cd "$work/$build" && mvn -B -q -DskipTests "$@" package -pl "$modules" -am \
      >"$work/$build.log" 2>&1); then
    cat "$work/$build.log"
    echo "the $build build failed" >&2
    exit 1
  fi
done

# What a deployment publishes: the root POM, the BOM, the dependency-reduced POM of the processor,
# the POMs of the others, and every jar but the shade plugin's unshaded original.
artifacts() {
  (cd "$work/first" && {
    echo pom.xml
    echo bom/pom.xml
    echo processor/target/dependency-reduced-pom.xml
    echo runtime/pom.xml integrations/djl/pom.xml integrations/dl4j/pom.xml | tr ' ' '\n'
    find runtime/target processor/target integrations/*/target -maxdepth 1 -name '*.jar' \
      ! -name 'original-*'
  } | sort)
}

same=0
different=0
while read -r artifact; do
  if [ ! -f "$work/second-build/$artifact" ]; then
    echo "DIFFERENT $artifact: missing from the second build"
    different=$((different + 1))
  elif cmp -s "$work/first/$artifact" "$work/second-build/$artifact"; then
    same=$((same + 1))
  else
    echo "DIFFERENT $artifact"
    if command -v diffoscope >/dev/null; then
      diffoscope "$work/first/$artifact" "$work/second-build/$artifact" | head -40 || true
    fi
    different=$((different + 1))
  fi
done < <(artifacts)

echo "$same artifacts identical, $different different"
[ "$different" -eq 0 ] && [ "$same" -gt 0 ]
