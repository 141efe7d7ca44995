#!/usr/bin/env bash
# Adds a migration for both providers: ./scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for ctx in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --project src/CellTherapyCenter.Data --startup-project src/CellTherapyCenter.Data \
    --context "${ctx}RegistryDbContext" --output-dir "Migrations/$ctx"
done
