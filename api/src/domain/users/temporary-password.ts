import { randomBytes } from 'node:crypto';

/** A one-time password an admin hands over; it satisfies the password rule. */
export const temporaryPassword = () => `Ga${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7`;
