#!/usr/bin/env bash
# Measures what the startup cache trained into an image buys: starts the same image alternately with its
# entrypoint (accelerated) and with the same JVM options minus the cache (plain), and reports the time from
# `docker run` until the readiness probe answers 200, and the "Started ... in N seconds" Spring logs.
#
#   deploy/docker/measure-startup.sh IMAGE [RUNS] [-- extra docker run options]
#
# Containers run with --network host (no bridge networks here), so the service's port must be free and whatever
# it needs must be reachable on 127.0.0.1, e.g. for order-service the launcher's PostgreSQL and Kafka:
#   deploy/docker/measure-startup.sh emporium/order-service:0.1.0-SNAPSHOT 5 -- \
#     -e SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:15432/emporium -e SPRING_DATASOURCE_PASSWORD=...
# The gateway needs nothing else to become ready, which makes it the simplest image to measure.
set -euo pipefail

image=${1:?usage: measure-startup.sh IMAGE [RUNS] [-- docker run options]}
runs=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
[[ ${1:-} == "--" ]] && shift
extra=("$@")

env_of() {
  docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "${image}" | sed -n "s/^$1=//p"
}
port=$(env_of EMPORIUM_MANAGEMENT_PORT)
[[ -n ${port} ]] || port=$(env_of EMPORIUM_SERVICE_PORT)

# The plain run uses the image's own options without the line naming the AOT cache or CDS archive.
mapfile -t plain_options < <(docker run --rm --entrypoint cat "${image}" /app/jvm.args \
  | grep -v -e '^-XX:AOTCache=' -e '^-XX:SharedArchiveFile=')

measure() {
  local mode=$1 name="emporium-startup-$$-$1" start end
  local run=(docker run -d --name "${name}" --network host -e OTEL_TRACES_EXPORTER=none "${extra[@]}")
  start=$(date +%s%N)
  if [[ ${mode} == plain ]]; then
    "${run[@]}" --entrypoint java "${image}" "${plain_options[@]}" -jar /app/application.jar > /dev/null
  else
    "${run[@]}" "${image}" > /dev/null
  fi
  until curl -fsS -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness" 2> /dev/null; do
    if [[ $(docker inspect -f '{{.State.Running}}' "${name}") != true ]]; then
      docker logs "${name}" | tail -n 20 >&2
      docker rm -f "${name}" > /dev/null
      echo "${mode}: the container stopped before it was ready" >&2
      return 1
    fi
    sleep 0.1
  done
  end=$(date +%s%N)
  local started
  started=$(docker logs "${name}" 2>&1 | grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' | head -n 1)
  docker rm -f "${name}" > /dev/null
  printf '%-5s ready after %6d ms   (%s)\n' "${mode}" $(( (end - start) / 1000000 )) "${started}"
}

command -v curl > /dev/null || { echo "curl is needed on the host" >&2; exit 1; }
echo "${image}: ${runs} runs each, alternating; readiness on 127.0.0.1:${port}"
for (( i = 1; i <= runs; i++ )); do
  measure plain
  measure accelerated
done
