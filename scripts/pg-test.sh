#!/usr/bin/env bash
# A throwaway PostgreSQL login for the test suite, on Debian's own cluster.
#
# Sourced by test.sh:
#   source scripts/pg-test.sh
#   pg_test_start || echo "PostgreSQL unavailable: $PG_TEST_ERROR"   # exports SENCO_TEST_POSTGRES
#   trap pg_test_stop EXIT                                          # stops it only if we started it
#
# Or run by hand:
#   scripts/pg-test.sh run -- dotnet test tests/Senco.Web.Tests   # start, run the command, stop
#   scripts/pg-test.sh start                                      # prints the export line; leaves it running
#   scripts/pg-test.sh stop                                       # stops the cluster (even one it did not start)
#
# Uses the newest installed major version (the one Debian's `postgresql` package pulled in), its
# "main" cluster (or $PG_TEST_CLUSTER; created with pg_createcluster if absent), and a role senco_test with CREATEDB and
# a fresh random password each time, so tests can create and drop their own databases.
# Needs root, or sudo, for pg_ctlcluster and to act as the postgres user.

PG_TEST_ROLE=senco_test
PG_TEST_CLUSTER=${PG_TEST_CLUSTER:-main}   # another name gives a separate cluster, e.g. to leave main alone
PG_TEST_STARTED=0
PG_TEST_ERROR=""

_pg_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

_pg_as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

pg_test_version() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$v" && -x "/usr/lib/postgresql/$v/bin/postgres" ]] && echo "$v"
}

pg_test_start() {
  local version port status password
  version=$(pg_test_version) || true
  if [[ -z "$version" ]]; then
    PG_TEST_ERROR="PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/postgres); apt-get install postgresql"
    return 1
  fi
  PG_TEST_VERSION=$version

  local cluster=$PG_TEST_CLUSTER
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
    echo "pg-test: creating cluster $version/$cluster"
    if ! _pg_root pg_createcluster "$version" "$cluster" >/dev/null; then
      PG_TEST_ERROR="pg_createcluster $version $cluster failed"
      return 1
    fi
  fi

  read -r port status < <(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3, $4 }')
  if [[ "$status" != online* ]]; then
    echo "pg-test: starting cluster $version/$cluster on port $port"
    if ! _pg_root pg_ctlcluster "$version" "$cluster" start; then
      PG_TEST_ERROR="pg_ctlcluster $version $cluster start failed; see /var/log/postgresql/postgresql-$version-$cluster.log"
      return 1
    fi
    PG_TEST_STARTED=1
  else
    echo "pg-test: cluster $version/$cluster already running on port $port (will leave it running)"
  fi

  local tries=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if ((tries > 60)); then
      PG_TEST_ERROR="PostgreSQL $version/$cluster did not accept connections on 127.0.0.1:$port within 30 s"
      return 1
    fi
    sleep 0.5
  done

  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  if ! _pg_as_postgres psql -q -p "$port" -d postgres -v ON_ERROR_STOP=1 -v role="$PG_TEST_ROLE" -v pw="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
  then
    PG_TEST_ERROR="could not create or update the role $PG_TEST_ROLE"
    return 1
  fi

  PG_TEST_PORT=$port
  export SENCO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$PG_TEST_ROLE;Password=$password;Database=postgres"
  # Prove the login works as the tests will use it (TCP, password authentication).
  if ! PGPASSWORD=$password psql -q -h 127.0.0.1 -p "$port" -U "$PG_TEST_ROLE" -d postgres -c 'SELECT 1' >/dev/null; then
    PG_TEST_ERROR="the role $PG_TEST_ROLE cannot sign in over TCP on 127.0.0.1:$port (check pg_hba.conf)"
    unset SENCO_TEST_POSTGRES
    return 1
  fi
  echo "pg-test: PostgreSQL $version ready on 127.0.0.1:$port as $PG_TEST_ROLE"
}

pg_test_stop() {
  if [[ "$PG_TEST_STARTED" == 1 && -n "${PG_TEST_VERSION:-}" ]]; then
    echo "pg-test: stopping cluster $PG_TEST_VERSION/$PG_TEST_CLUSTER"
    _pg_root pg_ctlcluster "$PG_TEST_VERSION" "$PG_TEST_CLUSTER" stop || true
    PG_TEST_STARTED=0
  fi
}

# Run as a script (not sourced).
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      pg_test_start || { echo "pg-test: $PG_TEST_ERROR" >&2; exit 1; }
      echo "export SENCO_TEST_POSTGRES='$SENCO_TEST_POSTGRES'"
      ;;
    stop)
      PG_TEST_VERSION=$(pg_test_version) && PG_TEST_STARTED=1 && pg_test_stop
      ;;
    run)
      shift
      [[ "${1:-}" == "--" ]] && shift
      pg_test_start || { echo "pg-test: $PG_TEST_ERROR" >&2; exit 1; }
      trap pg_test_stop EXIT
      "$@"
      ;;
    *)
      echo "usage: $0 start | stop | run -- COMMAND [ARGS...]   (or source it: see the top of this file)" >&2
      exit 2
      ;;
  esac
fi
