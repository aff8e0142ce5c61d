#!/usr/bin/env bash
# Adds one migration with the same name to both providers' migrations projects.
# Usage: scripts/add-migration.sh MigrationName
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Cap.Data.Migrations.$provider" \
    --startup-project "src/Cap.Data.Migrations.$provider" \
    --context CapDbContext --output-dir Migrations
done
