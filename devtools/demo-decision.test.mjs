import { describe, expect, it } from 'vitest';
import { demoDecision } from './demo-decision.mjs';

describe('npm start: whether the living demo is loaded', () => {
  it('the embedded default loads it', () => {
    expect(demoDecision({ env: {}, embedded: true }).load).toBe(true);
    expect(demoDecision({ env: { GUANAI_DEMO: '1' }, embedded: true }).load).toBe(true);
  });

  it('GUANAI_DEMO=0 skips it', () => {
    expect(demoDecision({ env: { GUANAI_DEMO: '0' }, embedded: true })).toMatchObject({ load: false });
  });

  it('a DATABASE_URL database never gets it from the launcher, even when GUANAI_DEMO is set: `npm run db:demo` asks for it', () => {
    const url = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/guanai' };
    expect(demoDecision({ env: url, embedded: false })).toMatchObject({ load: false });
    const asked = demoDecision({ env: { ...url, GUANAI_DEMO: '1' }, embedded: false });
    expect(asked.load).toBe(false);
    expect(asked.reason).toContain('npm run db:demo');
  });
});
