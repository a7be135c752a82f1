#!/usr/bin/env bash
# Builds the five images and starts two of them the way an operator would, all on 127.0.0.1 (host networking;
# no container bridge network is needed or used):
#   1. gateway-service alone (it needs nothing else to become ready), read-only, as uid 10001, no capabilities;
#   2. order-service against a real PostgreSQL and Kafka: those of a local launcher (./platform) started for
#      this run on shifted ports, with the service's own database, role and schema made by
#      deploy/compose/postgres/provision-schemas.sh. Skipped, saying why, when psql is missing.
# Each container must report healthy through the image's own HEALTHCHECK, order-service must answer from its
# schema, and the gateway container must route a request to the order-service container.
#
#   deploy/docker/smoke-test.sh [BASE_IMAGE]
#
# Without BASE_IMAGE (no image registry reachable) it makes one with deploy/docker/local-base-image.sh: a Debian
# bookworm minbase from Debian's archive plus a Java runtime cut with jlink from the JDK at JAVA_HOME. Without a
# running Docker engine it starts dockerd on a private socket when it can (root, dockerd installed). When this
# machine can run no engine or cannot make the base's root filesystem (no debootstrap, Debian's archive not
# reachable), it says loudly that it tested nothing and exits 0, so a CI script can go on; any other failure,
# a broken base image recipe included, exits 1. Expects the Maven build output (./mvnw -B -DskipTests package).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${EMPORIUM_SMOKE_DIR:-${TMPDIR:-/tmp}/emporium-image-smoke}
offset=${EMPORIUM_SMOKE_PORT_OFFSET:-300}
# The containers' own ports, shifted further, so that neither a running ./platform up nor this run's launcher
# is in their way.
container_offset=$((offset + 100))
mkdir -p "${work}"

banner() {
  printf '\n==================== %s ====================\n' "$*"
}

skip() {
  banner "IMAGE SMOKE TEST SKIPPED"
  echo "$*"
  echo "The images were NOT built or started; nothing about them was checked."
  exit 0
}

started_dockerd=""
launcher_data=""
containers=()
cleanup() {
  set +e
  for container in "${containers[@]}"; do
    docker rm -f "${container}" > /dev/null 2>&1
  done
  if [[ -n ${launcher_data} ]]; then
    "${root}/platform" down --data-dir "${launcher_data}" > /dev/null 2>&1
  fi
  if [[ -n ${started_dockerd} ]]; then
    kill "${started_dockerd}" 2> /dev/null
    wait "${started_dockerd}" 2> /dev/null
  fi
}
trap cleanup EXIT

# ---- a Docker engine ------------------------------------------------------------------------------------------
command -v docker > /dev/null || skip "no docker client installed (Debian: apt-get install -y docker.io)"
if ! docker info > /dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]] || ! command -v dockerd > /dev/null; then
    skip "no Docker engine answers and this script cannot start one (needs root and dockerd)"
  fi
  export DOCKER_HOST="unix://${work}/docker.sock"
  # No bridge and no iptables rules: every container here runs with --network host.
  dockerd --bridge=none --iptables=false --data-root "${work}/docker-data" --exec-root "${work}/docker-exec" \
    -H "${DOCKER_HOST}" --pidfile "${work}/docker.pid" > "${work}/dockerd.log" 2>&1 &
  started_dockerd=$!
  for _ in $(seq 1 60); do
    docker info > /dev/null 2>&1 && break
    sleep 1
  done
  docker info > /dev/null 2>&1 || skip "dockerd did not start: $(tail -n 5 "${work}/dockerd.log")"
fi
echo "Docker engine $(docker version --format '{{.Server.Version}}')"

# ---- a base image -----------------------------------------------------------------------------------------------
base_image=${1:-}
if [[ -z ${base_image} ]]; then
  status=0
  made=$("${root}/deploy/docker/local-base-image.sh") || status=$?
  if (( status == 3 )); then
    skip "no base image given, and this machine cannot make one (see above)"
  elif (( status != 0 )); then
    echo "FAILED: deploy/docker/local-base-image.sh could not make a base image (exit ${status}, see above)" >&2
    exit 1
  fi
  base_image=$(tail -n 1 <<< "${made}")
fi

# ---- the images -------------------------------------------------------------------------------------------------
banner "building the images on ${base_image}"
"${root}/deploy/docker/build-images.sh" "${base_image}"
if [[ -n ${started_dockerd} ]]; then
  # Only in the engine this script owns: earlier builds' untagged layers would pile up run after run.
  docker image prune -f > /dev/null
fi
tag=${EMPORIUM_IMAGE_TAG:-$(sed -n '/<\/parent>/,$ s:.*<version>\([^<]*\)</version>.*:\1:p' "${root}/pom.xml" | head -n 1)}
prefix=${EMPORIUM_IMAGE_PREFIX:-emporium/}

# Runs an image like the chart's pods: read-only, /tmp writable, no capabilities, uid 10001 from the image.
#   run_service NAME IMAGE [docker run options, e.g. -e KEY=value ...]
run_service() {
  local name=$1 image=$2
  shift 2
  containers+=("${name}")
  docker rm -f "${name}" > /dev/null 2>&1 || true
  docker run -d --name "${name}" --network host --read-only --tmpfs /tmp --cap-drop ALL \
    --security-opt no-new-privileges:true --memory 768m -e OTEL_TRACES_EXPORTER=none "$@" "${image}" > /dev/null
}

await_healthy() {
  local name=$1 status=""
  for _ in $(seq 1 90); do
    status=$(docker inspect -f '{{.State.Health.Status}}' "${name}" 2> /dev/null || echo gone)
    [[ ${status} == healthy || ${status} == gone ]] && break
    [[ $(docker inspect -f '{{.State.Running}}' "${name}") == true ]] || break
    sleep 2
  done
  if [[ ${status} != healthy ]]; then
    echo "FAILED: ${name} is ${status}. Its last health checks:" >&2
    docker inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' "${name}" >&2 || true
    echo "Its errors:" >&2
    docker logs "${name}" 2>&1 | grep -E '"level":"ERROR"' | grep -oE '"message":"[^"]*' | cut -c1-3000 | tail -n 5 >&2
    return 1
  fi
  echo "OK: ${name} is healthy ($(docker logs "${name}" 2>&1 \
    | grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' | head -n 1))"
}

# ---- 1. the gateway -----------------------------------------------------------------------------------------
banner "gateway-service container"
run_service emporium-smoke-gateway "${prefix}gateway-service:${tag}" \
  -e SERVER_PORT=$((8080 + container_offset)) -e MANAGEMENT_SERVER_PORT=$((9080 + container_offset)) \
  -e ORDER_SERVICE_URL="http://127.0.0.1:$((8082 + container_offset))"
await_healthy emporium-smoke-gateway

# ---- 2. order-service against PostgreSQL and Kafka ----------------------------------------------------------
banner "order-service container against PostgreSQL and Kafka"
if ! command -v psql > /dev/null; then
  banner "ORDER-SERVICE CHECK SKIPPED"
  echo "psql is not installed (Debian: apt-get install -y postgresql-client); only the gateway was started."
  exit 0
fi
launcher_data="${work}/platform"
echo "Starting the local platform on ports shifted by ${offset} for its PostgreSQL and Kafka ..."
"${root}/platform" up --fresh --data-dir "${launcher_data}" --port-offset "${offset}" --traces none \
  > "${work}/platform.log" 2>&1 &
pg_port=$((15432 + offset))
kafka_port=$((19092 + offset))
for _ in $(seq 1 120); do
  grep -q 'Emporium is up' "${work}/platform.log" && break
  grep -q 'cannot start\|did not start' "${work}/platform.log" && break
  sleep 2
done
grep -q 'Emporium is up' "${work}/platform.log" || {
  echo "FAILED: the local platform did not come up:" >&2
  tail -n 30 "${work}/platform.log" >&2
  exit 1
}

# Its own database, role and schema, so nothing of the running platform is touched. The launcher's superuser
# may log in from loopback without a password.
smoke_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
PGHOST=127.0.0.1 PGPORT=${pg_port} PGUSER=postgres EMPORIUM_DATABASE=emporium_image_smoke \
  EMPORIUM_SCHEMA_OWNERS="orders:image_smoke_order" IMAGE_SMOKE_ORDER_DB_PASSWORD=${smoke_password} \
  "${root}/deploy/compose/postgres/provision-schemas.sh"

run_service emporium-smoke-order "${prefix}order-service:${tag}" \
  -e SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${pg_port}/emporium_image_smoke" \
  -e SPRING_DATASOURCE_USERNAME=image_smoke_order \
  -e SPRING_DATASOURCE_PASSWORD="${smoke_password}" \
  -e SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${kafka_port}" \
  -e SPRING_FLYWAY_LOCATIONS=classpath:db/migration,classpath:db/demo \
  -e EMPORIUM_SECURITY_JWKS_URI="http://127.0.0.1:$((8081 + offset))/.well-known/jwks.json" \
  -e SERVER_PORT=$((8082 + container_offset))
await_healthy emporium-smoke-order
products=$(curl -fsS "http://127.0.0.1:$((8082 + container_offset))/api/products?size=1" 2>&1) || {
  echo "FAILED: GET /api/products on the order-service container: ${products}" >&2
  exit 1
}
echo "OK: order-service answers /api/products from its own schema: ${products:0:160}"
sku=$(grep -o '"sku":"[^"]*"' <<< "${products}" | head -n 1 | cut -d '"' -f 4)
routed=$(curl -fsS "http://127.0.0.1:$((8080 + container_offset))/api/products/${sku}" 2>&1) || {
  echo "FAILED: GET /api/products/<sku> through the gateway container: ${routed}" >&2
  exit 1
}
echo "OK: the gateway container routes to the order-service container: ${routed:0:160}"

banner "IMAGE SMOKE TEST PASSED"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep "^${prefix}"
