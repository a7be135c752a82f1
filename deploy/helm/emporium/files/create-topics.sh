#!/bin/bash
# Creates the Emporium topics and their dead-letter topics if they are missing, as the local launcher does
# (orders.v1, payments.v1, users.v1, each with <topic>.DLT; 3 partitions). Runs in the apache/kafka image.
#
# Used by docker-compose.yml (service kafka-init) and, as a copy that a test keeps identical, by the Helm chart's
# topic Job (deploy/helm/emporium/files/create-topics.sh).
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS     required, e.g. kafka:9092
#   EMPORIUM_TOPICS             default "orders.v1 payments.v1 users.v1"
#   EMPORIUM_DLT_SUFFIX         default ".DLT"
#   TOPIC_PARTITIONS            default 3
#   TOPIC_REPLICATION_FACTOR    default 1 (use 3 on a real cluster)
#   KAFKA_COMMAND_CONFIG        optional client properties file (TLS, SASL)
set -euo pipefail

bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is not set}
topics=${EMPORIUM_TOPICS:-orders.v1 payments.v1 users.v1}
suffix=${EMPORIUM_DLT_SUFFIX:-.DLT}
partitions=${TOPIC_PARTITIONS:-3}
replication=${TOPIC_REPLICATION_FACTOR:-1}
kafka_topics=${KAFKA_HOME:-/opt/kafka}/bin/kafka-topics.sh

client=(--bootstrap-server "${bootstrap}")
[[ -n ${KAFKA_COMMAND_CONFIG:-} ]] && client+=(--command-config "${KAFKA_COMMAND_CONFIG}")

for topic in ${topics}; do
  for name in "${topic}" "${topic}${suffix}"; do
    "${kafka_topics}" "${client[@]}" --create --if-not-exists --topic "${name}" \
      --partitions "${partitions}" --replication-factor "${replication}"
  done
done
echo "topics on ${bootstrap}:"
"${kafka_topics}" "${client[@]}" --list
