#!/usr/bin/env bash
# Makes a base image for the service images where no image registry is reachable: a Debian bookworm minbase root
# filesystem from Debian's archive (debootstrap), without documentation and package lists, plus a Java runtime cut
# with jlink from the JDK at JAVA_HOME (21 or newer; the JDK's tools stay out).
#
#   deploy/docker/local-base-image.sh [IMAGE]        IMAGE defaults to local/emporium-jre:<Java major version>
#   deploy/docker/build-images.sh "$(deploy/docker/local-base-image.sh | tail -n 1)"
#
# Needs root (debootstrap), a running Docker engine and network access to Debian's archive (EMPORIUM_DEBIAN_MIRROR,
# default http://deb.debian.org/debian). The root filesystem is cached as a tar under ~/.cache/emporium, so later
# runs need neither debootstrap nor the archive. Prints the image name on its last line.
#
# Exit status 3 means this machine cannot make the root filesystem (no debootstrap, or Debian's archive not
# reachable); any other failure is 1.
set -euo pipefail

java_home=${JAVA_HOME:?set JAVA_HOME to the JDK (21 or newer) to cut the runtime from}
version=$("${java_home}/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')
major=${version%%.*}
if [[ -z ${major} || ${major} -lt 21 ]]; then
  echo "JAVA_HOME (${java_home}) is Java '${version}'; the services need 21 or newer" >&2
  exit 1
fi
image=${1:-local/emporium-jre:${major}}
mirror=${EMPORIUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${XDG_CACHE_HOME:-${HOME}/.cache}/emporium
rootfs_tar="${cache}/debian-bookworm-minbase-slim.tar"
os_image=local/debian:bookworm-minbase-slim
mkdir -p "${cache}"

work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

if ! docker image inspect "${os_image}" > /dev/null 2>&1; then
  if [[ ! -s ${rootfs_tar} ]]; then
    command -v debootstrap > /dev/null || { echo "debootstrap is not installed (Debian: apt-get install debootstrap)" >&2; exit 3; }
    echo "Making a Debian bookworm minbase root filesystem from ${mirror} ..." >&2
    debootstrap --variant=minbase bookworm "${work}/rootfs" "${mirror}" > "${work}/debootstrap.log" 2>&1 || {
      tail -n 20 "${work}/debootstrap.log" >&2
      exit 3
    }
    # Nothing in an image runs apt or reads manuals: package lists, caches and documentation only take room.
    rm -rf "${work}/rootfs"/usr/share/{doc,man,info}/* "${work}/rootfs"/var/cache/apt/* \
      "${work}/rootfs"/var/lib/apt/lists/* "${work}/rootfs"/var/log/*
    tar -C "${work}/rootfs" -cf "${rootfs_tar}.partial" . && mv "${rootfs_tar}.partial" "${rootfs_tar}"
    rm -rf "${work}/rootfs"
  fi
  docker import "${rootfs_tar}" "${os_image}" > /dev/null
fi

# What a Spring Boot service and the OpenTelemetry agent use, plus jcmd and JFR for looking into a running
# container; no compiler, no jlink, no debugger. The runtime gets its own default CDS archive.
modules=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.attach,jdk.jcmd
modules+=,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki,jdk.net,jdk.httpserver
modules+=,jdk.security.auth,jdk.security.jgss
if "${java_home}/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules+=,jdk.crypto.ec
fi
echo "Cutting a Java ${version} runtime with jlink ..." >&2
"${java_home}/bin/jlink" --add-modules "${modules}" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "${work}/context/jre"
cat > "${work}/context/Dockerfile" <<DOCKERFILE
FROM ${os_image}
COPY jre /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \\
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    LANG=C.UTF-8
DOCKERFILE
docker build --network host -q -t "${image}" "${work}/context" > /dev/null
echo "Base image ${image}: $(docker image inspect --format '{{.Size}}' "${image}") bytes" >&2
echo "${image}"
