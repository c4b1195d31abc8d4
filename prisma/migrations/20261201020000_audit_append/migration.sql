-- Appends one audit entry in one round trip: takes the chain's advisory lock, reads the last hash
-- (a PL/pgSQL statement takes a fresh snapshot, so it sees the entry the previous lock holder
-- committed), chains the new entry as sha256(prev_hash || '\n' || body) and inserts it. `body` is the
-- entry's canonical JSON made by the application (prisma/src/audit.ts, `entryHash`), which the
-- chain's verifier recomputes from the stored columns. The lock is held to the end of the caller's
-- transaction, as before.
CREATE FUNCTION "audit_append"("p_at" TIMESTAMPTZ, "p_actor_id" UUID, "p_action" TEXT, "p_target" TEXT, "p_reason" TEXT, "p_detail" JSONB, "p_body" TEXT, "p_lock" BIGINT)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock("p_lock");
  SELECT "hash" INTO prev FROM "audit_log" ORDER BY "id" DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  INSERT INTO "audit_log" ("at", "actor_id", "action", "target", "reason", "detail", "prev_hash", "hash")
  VALUES ("p_at", "p_actor_id", "p_action", "p_target", "p_reason", "p_detail", prev,
          encode(sha256(convert_to(prev || E'\n' || "p_body", 'UTF8')), 'hex'));
END
$$;
