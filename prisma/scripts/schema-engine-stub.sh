#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only needs the CLI to find an engine file; it never runs it for generation.
# Migrations are plain SQL applied by src/migrate.ts, not by this engine.
echo "schema-engine stub: Guanai applies migrations with its own runner (npm run db:migrate)" >&2
exit 1
