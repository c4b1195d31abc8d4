-- Attachment bytes in the database (api/src/files/file-store.ts, pgFileStore): every API replica, on
-- any machine, reads what any other stored, with no shared volume. Written once per id (an upload
-- retried under the same id writes nothing new), before the attachment's row, which names its hash.
CREATE TABLE "attachment_content" (
    "id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_content_pkey" PRIMARY KEY ("id")
);
