-- Idempotency keys (issue 12): a key is bound to its caller, the route and a hash of the request, so
-- that the same request again gets the first answer and a different one with the key is refused.
-- The row is written before the request's work, in its own statement, so that a concurrent duplicate
-- sees it in progress; `lease_token` and `locked_until` are the lease of the request working on it (a
-- row left in progress by a killed API is taken over by a retry once the lease has run out). The
-- answer (status, type, body) is stored in the request's transaction, with its writes and its audit
-- entry. Rows are purged 24 hours after `created_at`.
CREATE TABLE "idempotency_key" (
    "user_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "lease_token" UUID,
    "locked_until" TIMESTAMPTZ(3),
    "status" INTEGER,
    "response_type" TEXT,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("user_id", "key")
);
CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key"("created_at");

-- Failed sign-ins, shared by every API replica: the login limiter counts a username and address's
-- failures of the last 15 minutes. `key` is a SHA-256 of the username and address (no clear text).
CREATE TABLE "login_failure" (
    "id" BIGSERIAL NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_failure_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_failure_key_at_idx" ON "login_failure"("key", "at");
CREATE INDEX "login_failure_at_idx" ON "login_failure"("at");
