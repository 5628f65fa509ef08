#!/bin/sh
# Newsroom's roles and database, as docs/deploy.md ("2c. The database roles, and an
# external PostgreSQL") gives them. The postgres image runs this once, as the superuser, when it
# first makes its data directory (docker-entrypoint-initdb.d); the server then listens on
# its Unix socket only. The passwords come from the roles' Secrets (postgres.yaml), and psql
# quotes them (:'...'), so no password is written here.
set -eu
psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set owner_password="$NEWSROOM_OWNER_PASSWORD" \
    --set writer_password="$NEWSROOM_WRITER_PASSWORD" \
    --set reader_password="$NEWSROOM_READER_PASSWORD" <<'SQL'
-- None of the roles is a superuser, creates roles or databases: a leaked service password
-- cannot run programs on the server (COPY ... TO PROGRAM) or reach other databases.
CREATE ROLE newsroom_owner  LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE newsroom_writer LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'writer_password';
CREATE ROLE newsroom_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'reader_password';
ALTER ROLE newsroom_reader SET default_transaction_read_only = on;
CREATE DATABASE newsroom OWNER newsroom_owner;
REVOKE ALL ON DATABASE newsroom FROM PUBLIC;
GRANT CONNECT ON DATABASE newsroom TO newsroom_writer, newsroom_reader;
\connect newsroom
ALTER SCHEMA public OWNER TO newsroom_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO newsroom_writer, newsroom_reader;
-- Tables, sequences and functions ingest-service's migrations create later, as the owner:
ALTER DEFAULT PRIVILEGES FOR ROLE newsroom_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO newsroom_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE newsroom_owner IN SCHEMA public
  GRANT USAGE ON SEQUENCES TO newsroom_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE newsroom_owner IN SCHEMA public
  GRANT EXECUTE ON FUNCTIONS TO newsroom_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE newsroom_owner IN SCHEMA public
  GRANT SELECT ON TABLES TO newsroom_reader;
SQL
