// Whether `npm start` loads the living demo (演示数据), and why: a pure function of the environment,
// so that the launcher's choice is tested without starting anything.

/**
 * The demo is loaded on the embedded default (no DATABASE_URL: a fresh PGlite in the data folder)
 * unless GUANAI_DEMO=0. A database named by DATABASE_URL may hold real people: the launcher never
 * loads the demo into it; `npm run db:demo` does, when someone asks for it.
 */
export function demoDecision({ env, embedded }) {
  if (env.GUANAI_DEMO === '0') return { load: false, reason: 'GUANAI_DEMO=0: no demo data' };
  if (!embedded)
    return {
      load: false,
      reason: 'DATABASE_URL is set: no demo data is loaded into it (ask with `npm run db:demo`)',
    };
  return {
    load: true,
    reason: 'embedded database: the demo data (演示数据) is loaded once, in the background (GUANAI_DEMO=0 skips it)',
  };
}
