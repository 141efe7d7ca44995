#!/usr/bin/env bash
# Regenerates the compiled EF Core models of both providers (src/CellTherapyCenter.Web/Data/
# CompiledModels), which the app loads instead of building its model from OnModelCreating when a
# process first uses the database (0.5 s and more of a cold start: docs/benchmarks.md, issue 5).
# Run it after any change to the model; scripts/add-migration.sh does, and a test
# (MigrationTests) fails while the compiled models differ from the code.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Stale generated code may no longer compile against the changed entities: remove it first.
rm -rf src/CellTherapyCenter.Web/Data/CompiledModels
for ctx in Sqlite PostgreSql; do
  dotnet ef dbcontext optimize --project src/CellTherapyCenter.Web --context "${ctx}RegistryDbContext" \
    --output-dir "Data/CompiledModels/$ctx" --namespace "CellTherapyCenter.Web.Data.CompiledModels.$ctx"
done
