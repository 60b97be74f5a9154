#!/usr/bin/env bash
# Replays a peak hour of a national day through Gate on an embedded PostgreSQL (NationalDayLoad) and prints the table
# docs/performance.md reports. Run it with nothing else on the machine.
#
#   src/jmh/national-day.sh [seconds per way, default 60] [clients, default 8]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -Pbench -DskipTests -Dmaven.javadoc.skip=true test-compile
mvn -B -ntp -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.lawang.jdbc.NationalDayLoad "${1:-60}" "${2:-8}"
