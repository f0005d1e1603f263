-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "seatsTaken" INTEGER NOT NULL DEFAULT 0;

-- The seat counter: "seatsTaken" is the number of the cohort's enrolments that hold a seat (PENDING,
-- CONFIRMED, COMPLETED: SEAT_STATUSES in lib/enrolment/service.ts). The database keeps it, row by row,
-- whatever code changes an enrolment, and refuses a change that would take more seats than there
-- are. Enrolment decides on a seat with one statement against this counter (lib/enrolment/seat.ts).
CREATE FUNCTION "enrolment_seat_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_holds boolean := false;
  new_holds boolean := false;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    old_holds := OLD.status IN ('PENDING', 'CONFIRMED', 'COMPLETED');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    new_holds := NEW.status IN ('PENDING', 'CONFIRMED', 'COMPLETED');
  END IF;
  IF TG_OP = 'UPDATE' AND old_holds = new_holds AND OLD."cohortId" = NEW."cohortId" THEN
    RETURN NULL;
  END IF;
  -- Release before taking, so a seat passed on inside one cohort never counts twice.
  IF old_holds THEN
    UPDATE "Cohort" SET "seatsTaken" = "seatsTaken" - 1 WHERE id = OLD."cohortId";
  END IF;
  IF new_holds THEN
    UPDATE "Cohort" SET "seatsTaken" = "seatsTaken" + 1 WHERE id = NEW."cohortId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Enrolment_seat_count" AFTER INSERT OR DELETE OR UPDATE OF status, "cohortId" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "enrolment_seat_count"();

-- Seats taken before this migration.
UPDATE "Cohort" c SET "seatsTaken" = s.n
  FROM (SELECT "cohortId", COUNT(*)::int AS n FROM "Enrolment" WHERE status IN ('PENDING', 'CONFIRMED', 'COMPLETED') GROUP BY "cohortId") s
 WHERE c.id = s."cohortId";

-- The last line against overselling: no code path can take more seats than the cohort has.
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_seats_within_capacity" CHECK ("seatsTaken" >= 0 AND "seatsTaken" <= "capacity");

-- Waitlist order: a new waitlisted enrolment takes the next number, with no lock and no count. The
-- numbers are shared by all cohorts, so they have gaps; what people see is their rank among those
-- still waiting in their cohort.
CREATE SEQUENCE "Enrolment_waitlist_seq" AS integer;
SELECT setval('"Enrolment_waitlist_seq"', COALESCE((SELECT MAX("waitlistPosition") FROM "Enrolment"), 0) + 1, false);
