-- The public pages are served from a cache in every app instance (lib/public-cache). What they show
-- lives in the tables below; a trigger on each bumps a counter here when it changes, and every
-- instance polls the counters' sum (lib/public-cache/version.ts) to know when its pages are stale.
-- Tables edited by staff bump one counter per table and statement. Cohort, Enrolment and the
-- evaluation running totals change under load (enrolments, answers), so they bump a counter of
-- their own row (per cohort, per question): concurrent enrolments in different cohorts never wait
-- for each other here, and those in one cohort already wait for that cohort's seat.
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

-- Only a change of who holds a seat shows on the public pages (seats left, full); a waitlisted,
-- cancelled-before-confirmation or edited enrolment does not, and bumps nothing.
CREATE FUNCTION stillads_public_version_enrolment() RETURNS TRIGGER AS $$
DECLARE
  old_holds BOOLEAN := TG_OP <> 'INSERT' AND OLD."status" IN ('CONFIRMED', 'PENDING', 'COMPLETED');
  new_holds BOOLEAN := TG_OP <> 'DELETE' AND NEW."status" IN ('CONFIRMED', 'PENDING', 'COMPLETED');
BEGIN
  IF old_holds AND (NOT new_holds OR OLD."cohortId" <> NEW."cohortId") THEN
    PERFORM stillads_bump_public_version('Cohort:' || OLD."cohortId");
  END IF;
  IF new_holds AND (NOT old_holds OR OLD."cohortId" <> NEW."cohortId") THEN
    PERFORM stillads_bump_public_version('Cohort:' || NEW."cohortId");
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Enrolment_public_version" AFTER INSERT OR UPDATE OF "status", "cohortId" OR DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION stillads_public_version_enrolment();

CREATE TRIGGER "EvaluationQuestionStat_public_version" AFTER INSERT OR UPDATE OR DELETE ON "EvaluationQuestionStat"
  FOR EACH ROW EXECUTE FUNCTION stillads_public_version_per_row('questionId');
