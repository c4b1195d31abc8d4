/** The database URL: DATABASE_URL, or the embedded PGlite that `npm start` serves. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. `npm start` sets it (embedded PGlite by default); for other commands export it, e.g. postgresql://postgres@127.0.0.1:5432/guanai',
    );
  }
  return url;
}
