#!/usr/bin/env bash
# Runs SlotTokenParts (beside this script) against a built runner's jars: decision 0019's measurement.
# usage: run.sh CHECKPOINT [BENCHMARK] [FAMILY]   (defaults: $LALM_DATA/asa2-s200000, event_class)
# RUNNER (default /work/runner-42, at f43968a or later: older code cannot read a model.json with slotsAtWordScale) is a
# built clone (its app/target holds the jars); JAVA_HOME a Java 25.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runner="${RUNNER:-/work/runner-42}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
class_path="$runner/app/target/notmono-app.jar"
for jar in "$runner"/app/target/lib/*.jar; do class_path="$class_path:$jar"; done
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$class_path" "$here/SlotTokenParts.java" "$1" \
  "${2:-${LALM_DATA:-/work/lalm-data}/asa2-s200000}" "${3:-event_class}"
