#!/bin/bash
# Creates the Emporium database, one login role per service and the one schema each role owns, exactly as the
# local launcher does (deploy/local, PlatformDatabase): nobody has rights on the database or on `public` by
# default, a role can connect and use only its own schema, and its search_path points there.
# Safe to run again: it creates what is missing and resets the role passwords to the given ones.
#
# Used by docker-compose.yml (service postgres-init) and, as a copy that a test keeps identical, by the Helm
# chart's schema Job (deploy/helm/emporium/files/provision-schemas.sh).
#
# Environment:
#   PGHOST, PGPORT, PGUSER, PGPASSWORD   an administrator allowed to create databases and roles
#   EMPORIUM_DATABASE                    database name, default emporium
#   EMPORIUM_SCHEMA_OWNERS               schema:role pairs, default the four services'
#   <ROLE>_DB_PASSWORD                   each role's password, e.g. ORDER_SERVICE_DB_PASSWORD for order_service
set -euo pipefail

database=${EMPORIUM_DATABASE:-emporium}
owners=${EMPORIUM_SCHEMA_OWNERS:-auth:auth_service orders:order_service payments:payment_service notifications:notification_service}
maintenance_db=${EMPORIUM_MAINTENANCE_DATABASE:-postgres}
# "already exists, skipping" on every later run says nothing useful.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

for attempt in $(seq 1 30); do
  pg_isready -q -d "${maintenance_db}" && break
  (( attempt == 30 )) && { echo "PostgreSQL at ${PGHOST:-localhost}:${PGPORT:-5432} is not ready" >&2; exit 1; }
  sleep 2
done

psql -v ON_ERROR_STOP=1 -q -d "${maintenance_db}" --set=db="${database}" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL

psql -v ON_ERROR_STOP=1 -q -d "${database}" <<'SQL'
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL

for owner in ${owners}; do
  schema=${owner%%:*}
  role=${owner#*:}
  if [[ ! ${schema} =~ ^[a-z][a-z0-9_]{0,62}$ || ! ${role} =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
    echo "not a plain schema:role pair of SQL identifiers: '${owner}'" >&2
    exit 1
  fi
  password_variable="${role^^}_DB_PASSWORD"
  password=${!password_variable:-}
  if [[ -z ${password} ]]; then
    echo "${password_variable} is not set: the password for role ${role}" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 -q -d "${database}" \
    --set=db="${database}" --set=schema="${schema}" --set=role="${role}" --set=password="${password}" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
REVOKE ALL ON SCHEMA :"schema" FROM PUBLIC;
ALTER ROLE :"role" IN DATABASE :"db" SET search_path = :"schema";
SQL
  echo "schema ${schema} owned by role ${role}"
done
