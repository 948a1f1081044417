#!/usr/bin/env bash
# Adds an EF Core migration for BOTH databases (SQLite and PostgreSQL keep separate migrations because their DDL differs).
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NameOfChange}"
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Senco.Data --startup-project src/Senco.Data \
    --context "${ctx}SencoDbContext" --output-dir "Migrations/${ctx}" --namespace "Senco.Data.Migrations.${ctx}"
done
