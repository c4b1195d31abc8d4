import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type AppErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

const STATUS: Record<AppErrorCode, ContentfulStatusCode> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const TITLE: Record<AppErrorCode, string> = {
  VALIDATION: 'Invalid request',
  UNAUTHENTICATED: 'Not signed in',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PRECONDITION_FAILED: 'The case has changed',
  RATE_LIMITED: 'Too many attempts',
  UNAVAILABLE: 'Service unavailable',
};

export interface FieldError {
  field: string;
  reason: string;
}

/** Domain code throws these; app.onError turns them into application/problem+json. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors: FieldError[];
  /** A more specific machine-readable reason, e.g. TASK_TAKEN. */
  readonly reason: string | undefined;
  /** Further members of the problem, e.g. the records a duplicate matched. */
  readonly extra: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    {
      message,
      field,
      errors,
      reason,
      extra,
    }: { message: string; field?: string; errors?: FieldError[]; reason?: string; extra?: Record<string, unknown> },
  ) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.extra = extra ?? {};
    this.errors = errors ?? (field ? [{ field, reason: message }] : []);
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }

  toProblem(instance?: string) {
    return {
      type: `urn:guanai:problem:${(this.reason ?? this.code).toLowerCase().replace(/_/g, '-')}`,
      title: TITLE[this.code],
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', { message: `${what} not found` });
