import { createHash } from 'node:crypto';

/** How long a recipient's survey link opens. */
export const SURVEY_LINK_DAYS = 14;

/** Only the link token's hash is stored: the token is shown once, to the caseworker who sends it. */
export const surveyTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
