import { defineConfig } from 'prisma/config';

// The datasource URL is only read by CLI commands that connect; `generate` does not.
export default defineConfig({
  schema: 'schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/guanai' },
});
