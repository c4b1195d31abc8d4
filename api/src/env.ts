import type { Db } from '@guanai/db';
import type { IdentityKeys } from '@guanai/db';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { SessionUser } from './auth/session.ts';
import type { ApplicationSettings } from './domain/applications/application-settings.ts';
import type { FileStore } from './files/file-store.ts';
import type { ResponseMismatch } from './openapi/response-check.ts';

/** What the app needs from the outside; tests build it against real PostgreSQL and Temporal. */
export interface AppDeps {
  db: Db;
  temporal: Client;
  keys: IdentityKeys;
  logger: Logger;
  taskQueue?: string;
  /** Secure cookies outside local development. */
  secureCookies?: boolean;
  /** Where the built admin UI is, to serve it on the same port. */
  adminDist?: string;
  /** Attachment bytes. */
  files: FileStore;
  /** Disclosure: fewest recipients of a township, month and category whose rows are published. */
  disclosureThreshold?: number;
  /** Case settings that are not per-task SLA data. */
  caseSettings?: { followUpDelayHours?: number; reopenWindowDays?: number };
  /** The public self-application (§四(一) 个人申请): its proof of work and limits per client address; tests lower them. */
  applications?: ApplicationSettings;
  /**
   * Proxies in front of the API that append the client's address to X-Forwarded-For (request/client-address.ts).
   * 0, the default: none, and the client's address is the connection's (a client cannot choose it).
   */
  trustedProxies?: number;
  /** Tests: collects every answer that does not match its route's declared responses (openapi/response-check.ts). */
  responseMismatches?: ResponseMismatch[];
}

export interface AppEnv {
  Variables: {
    user: SessionUser;
    requestId: string;
    /** The request's Idempotency-Key and request hash, once the key is bound (request/write-requests.ts). */
    idempotency: { key: string; requestHash: string } | undefined;
  };
}
