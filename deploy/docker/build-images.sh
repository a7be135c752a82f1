#!/usr/bin/env bash
# Builds the five service images from the Maven build output with one command:
#
#   ./mvnw -B -DskipTests package            # the service jars and deploy/local/target/otel (the agent)
#   deploy/docker/build-images.sh [BASE_IMAGE]
#
# BASE_IMAGE defaults to eclipse-temurin:25-jre; any image with `java` (21 or newer) on PATH, bash and coreutils
# works, e.g. one made locally from Debian's archive where no registry is reachable. Environment:
#   EMPORIUM_IMAGE_PREFIX   repository prefix, default "emporium/"  (image: <prefix><service>:<tag>)
#   EMPORIUM_IMAGE_TAG      default: the project version from pom.xml
#   DOCKER_BUILD_NETWORK    network for RUN steps, default "host" (the steps need none; host avoids a bridge)
#   EMPORIUM_SERVICES       a subset, e.g. "gateway-service order-service"
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base_image=${1:-eclipse-temurin:25-jre}
prefix=${EMPORIUM_IMAGE_PREFIX:-emporium/}
network=${DOCKER_BUILD_NETWORK:-host}
services=${EMPORIUM_SERVICES:-gateway-service auth-service order-service payment-service notification-service}

project_version() {
  # The first <version> after the parent block is the project's own.
  sed -n '/<\/parent>/,$ s:.*<version>\([^<]*\)</version>.*:\1:p' "${root}/pom.xml" | head -n 1
}
tag=${EMPORIUM_IMAGE_TAG:-$(project_version)}

# Service port and, where the actuator has its own, management port (see each application.yml).
ports_of() {
  case "$1" in
    gateway-service) echo "8080 9080" ;;
    auth-service) echo "8081" ;;
    order-service) echo "8082" ;;
    payment-service) echo "8083" ;;
    notification-service) echo "8084" ;;
    *) echo "unknown service '$1'" >&2; return 1 ;;
  esac
}

command -v docker > /dev/null || { echo "docker is not installed" >&2; exit 1; }
docker info > /dev/null 2>&1 || { echo "no Docker engine answers (docker info failed)" >&2; exit 1; }

agent="${root}/deploy/local/target/otel/opentelemetry-javaagent.jar"
missing=()
[[ -f ${agent} ]] || missing+=("${agent#"${root}"/}")
for service in ${services}; do
  [[ -f ${root}/${service}/target/${service}.jar ]] || missing+=("${service}/target/${service}.jar")
done
if (( ${#missing[@]} > 0 )); then
  echo "missing build output: ${missing[*]}" >&2
  echo "build it first: ./mvnw -B -DskipTests package" >&2
  exit 1
fi

context=$(mktemp -d)
trap 'rm -rf "${context}"' EXIT
mkdir -p "${context}/image"
cp "${root}/deploy/docker/image/"* "${context}/image/"
cp "${agent}" "${context}/opentelemetry-javaagent.jar"

built=()
for service in ${services}; do
  read -r port management <<< "$(ports_of "${service}")"
  image="${prefix}${service}:${tag}"
  cp "${root}/${service}/target/${service}.jar" "${context}/service.jar"
  echo "==> ${image} (base ${base_image})"
  docker build --network "${network}" \
    --build-arg "BASE_IMAGE=${base_image}" \
    --build-arg "SERVICE=${service}" \
    --build-arg "SERVICE_PORT=${port}" \
    --build-arg "MANAGEMENT_PORT=${management:-}" \
    --label "org.opencontainers.image.title=${service}" \
    --label "org.opencontainers.image.version=${tag}" \
    -t "${image}" -f "${root}/deploy/docker/Dockerfile" "${context}"
  built+=("${image}")
done

echo
echo "Built images:"
for image in "${built[@]}"; do
  docker image inspect --format '{{index .RepoTags 0}}  {{.Size}} bytes' "${image}"
done
