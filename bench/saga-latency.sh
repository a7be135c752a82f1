#!/usr/bin/env bash
# Saga latency against a running `./platform up`: one customer places orders one after another (pm_card_visa)
# and each is timed from sending POST /api/orders until it reads CONFIRMED; prints min/median/p90/max.
#
#   bench/saga-latency.sh [--orders 20] [--port-offset 0] [--poll-ms 10]
#
# Needs JAVA_HOME pointing at a JDK 21 or newer; runs bench/SagaLatency.java from source, nothing to build.
set -euo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
java="${JAVA_HOME:-}/bin/java"
if [[ -z "${JAVA_HOME:-}" || ! -x "$java" ]]; then
    echo "saga-latency: set JAVA_HOME to a JDK 21 or newer" >&2
    exit 1
fi
major=$("$java" -version 2>&1 | sed -n -E '1s/.*version "([0-9]+).*/\1/p')
if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 21)); then
    echo "saga-latency: JAVA_HOME ($JAVA_HOME) is JDK ${major:-?}; it needs 21 or newer" >&2
    exit 1
fi
exec "$java" -XX:+UseSerialGC -Xmx128m "$dir/SagaLatency.java" "$@"
