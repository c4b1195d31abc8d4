-- Notifications leave the admin (issue 18): the notification row, written in the same statement as its
-- case event, is the outbox. A relay hands each undispatched row to a delivery workflow once
-- (dispatched_at); the workflow records one delivery per channel and every attempt at it.
ALTER TABLE "notification" ADD COLUMN "dispatched_at" TIMESTAMPTZ(3);
-- What was written before channels existed was shown in the admin only: nothing to deliver.
UPDATE "notification" SET "dispatched_at" = "created_at";
CREATE INDEX "notification_undispatched_idx" ON "notification" ("id") WHERE "dispatched_at" IS NULL;

-- A channel an admin configured: the city's mail server or SMS gateway (unit_id NULL), or a unit's
-- WeChat Work / DingTalk group robot. The configuration, secrets included, is stored encrypted
-- (AES-256-GCM, the identity-number key) and never returned.
CREATE TABLE "notification_channel" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" UUID,
    "config_enc" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_channel_kind_check" CHECK ("kind" IN ('EMAIL', 'WECOM_ROBOT', 'DINGTALK_ROBOT', 'SMS'))
);
CREATE INDEX "notification_channel_kind_unit_id_idx" ON "notification_channel" ("kind", "unit_id");
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_unit_id_fkey"
    FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A user's addresses and wishes: which kinds reach them on which channels ({"SLA_BREACHED": ["EMAIL",
-- "SMS"]}), and quiet hours (minutes after midnight, Beijing time) that defer what is not urgent.
CREATE TABLE "notification_preference" (
    "user_id" UUID NOT NULL,
    "email" TEXT,
    "mobile_enc" TEXT,
    "mobile_masked" TEXT,
    "channels" JSONB NOT NULL DEFAULT '{}',
    "quiet_hours" BOOLEAN NOT NULL DEFAULT true,
    "quiet_start" INTEGER NOT NULL DEFAULT 1320,
    "quiet_end" INTEGER NOT NULL DEFAULT 420,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One notification on one channel: sent once in this ledger, however often the workflow is retried.
CREATE TABLE "notification_delivery" (
    "id" BIGSERIAL NOT NULL,
    "notification_id" BIGINT NOT NULL,
    "channel_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "receipt" TEXT,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_delivery_status_check" CHECK ("status" IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE UNIQUE INDEX "notification_delivery_notification_id_channel_id_key" ON "notification_delivery" ("notification_id", "channel_id");
CREATE INDEX "notification_delivery_status_idx" ON "notification_delivery" ("status");
ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_notification_id_fkey"
    FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_channel_id_fkey"
    FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every try and what came of it: SENT, RETRY (the channel may take it later), FAILED (final or given up).
CREATE TABLE "notification_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "receipt" TEXT,
    CONSTRAINT "notification_attempt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_attempt_outcome_check" CHECK ("outcome" IN ('SENT', 'RETRY', 'FAILED'))
);
CREATE INDEX "notification_attempt_delivery_id_idx" ON "notification_attempt" ("delivery_id");
ALTER TABLE "notification_attempt" ADD CONSTRAINT "notification_attempt_delivery_id_fkey"
    FOREIGN KEY ("delivery_id") REFERENCES "notification_delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
