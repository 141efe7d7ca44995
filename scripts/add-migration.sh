#!/usr/bin/env bash
# Adds a migration for both providers: ./scripts/add-migration.sh NameOfChange
# First regenerates the compiled models (scripts/optimize-model.sh): the old ones may not even
# compile against the changed entities, and the app must load the model the migration describes.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
scripts/optimize-model.sh
for ctx in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --project src/CellTherapyCenter.Web --context "${ctx}RegistryDbContext" \
    --output-dir "Data/Migrations/$ctx"
done
