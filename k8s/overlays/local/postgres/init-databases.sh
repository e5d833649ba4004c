#!/usr/bin/env bash
# Runs once, when the data directory is initialised (docker-entrypoint-initdb.d). For each service database:
# an owner role (Flyway), an application role that owns nothing and cannot bypass row-level security, the
# database owned by the owner, and only the app role may connect besides the owner.
set -euo pipefail
for db in gateway center member volunteer project grid; do
  owner_password="$(cat "/run/secrets/db/${db}-db-owner/password")"
  app_password="$(cat "/run/secrets/db/${db}-db-app/password")"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v owner="${db}_owner" -v app="${db}_app" \
    -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
create role :"owner" with login nosuperuser nobypassrls nocreaterole nocreatedb password :'owner_password';
create role :"app" with login nosuperuser nobypassrls nocreaterole nocreatedb password :'app_password';
create database :"db" owner :"owner" encoding 'UTF8' template template0;
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to :"app";
SQL
done
