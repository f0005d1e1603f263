-- The public pages are served from a cache in every app instance (lib/public-cache). What they show
-- lives in the tables below; a trigger on each bumps a counter here when it changes, and every
-- instance polls the counters' sum (lib/public-cache/version.ts) to know when its pages are stale.
-- Tables edited by staff bump one counter per table and statement. Cohort and the evaluation
-- running totals change under load (a cohort's seat counter moves with every seat taken or given
-- back, see cohort_seat_counter; answers move the totals), so they bump a counter of their own row
-- (per cohort, per question): enrolments in different cohorts never wait for each other here, and
-- those in one cohort already wait for that cohort's row.
CREATE TABLE "PublicContentVersion" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicContentVersion_pkey" PRIMARY KEY ("key")
);

CREATE FUNCTION stillads_bump_public_version(k TEXT) RETURNS VOID AS $$
  INSERT INTO "PublicContentVersion" ("key", "version") VALUES (k, 1)
  ON CONFLICT ("key") DO UPDATE SET "version" = "PublicContentVersion"."version" + 1, "updatedAt" = CURRENT_TIMESTAMP;
$$ LANGUAGE sql;

CREATE FUNCTION stillads_public_version_per_table() RETURNS TRIGGER AS $$
BEGIN
  PERFORM stillads_bump_public_version(TG_TABLE_NAME);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['Programme', 'Module', 'Instructor', 'ProgrammeInstructor', 'Venue', 'Room', 'Session', 'SessionDay', 'PublishedScore'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION stillads_public_version_per_table()',
      t || '_public_version', t);
  END LOOP;
END
$$;

-- One counter per row, keyed "<table>:<the column named in the trigger's argument>".
CREATE FUNCTION stillads_public_version_per_row() RETURNS TRIGGER AS $$
DECLARE
  r RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM stillads_bump_public_version(TG_TABLE_NAME || ':' || (to_jsonb(r) ->> TG_ARGV[0]));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Cohort_public_version" AFTER INSERT OR UPDATE OR DELETE ON "Cohort"
  FOR EACH ROW EXECUTE FUNCTION stillads_public_version_per_row('id');

CREATE TRIGGER "EvaluationQuestionStat_public_version" AFTER INSERT OR UPDATE OR DELETE ON "EvaluationQuestionStat"
  FOR EACH ROW EXECUTE FUNCTION stillads_public_version_per_row('questionId');
