-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "entityLabel" TEXT;

-- What the audited entity is called at the moment the entry is written, so the log shows names as
-- they were then (a cohort renamed later keeps its old name in older entries). Filled here rather
-- than by every caller of audit(): one indexed lookup inside the same INSERT, no extra round trip.
-- A caller may set a label itself; an entity already removed gets none (the page falls back on the
-- entry's own data). A Person's own entries (access, export, erasure) stay ids and counts only, as
-- lib/privacy/people.ts writes them: they get no label.
CREATE FUNCTION "audit_log_entity_label"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  label text;
BEGIN
  IF NEW."entityLabel" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  CASE NEW."entityType"
    WHEN 'Programme' THEN
      SELECT p.title INTO label FROM "Programme" p WHERE p.id = NEW."entityId";
    WHEN 'Cohort' THEN
      SELECT c.name || ' (' || p.title || ')' INTO label FROM "Cohort" c JOIN "Programme" p ON p.id = c."programmeId" WHERE c.id = NEW."entityId";
    WHEN 'Module' THEN
      SELECT m.title || ' (' || p.title || ')' INTO label FROM "Module" m JOIN "Programme" p ON p.id = m."programmeId" WHERE m.id = NEW."entityId";
    WHEN 'Session' THEN
      SELECT m.title || ', ' || c.name INTO label FROM "Session" s JOIN "Module" m ON m.id = s."moduleId" JOIN "Cohort" c ON c.id = s."cohortId" WHERE s.id = NEW."entityId";
    WHEN 'SessionDay' THEN
      SELECT m.title || ', ' || c.name INTO label
        FROM "SessionDay" d JOIN "Session" s ON s.id = d."sessionId" JOIN "Module" m ON m.id = s."moduleId" JOIN "Cohort" c ON c.id = s."cohortId" WHERE d.id = NEW."entityId";
    WHEN 'Enrolment' THEN
      SELECT pe.name || ', ' || c.name INTO label FROM "Enrolment" e JOIN "Person" pe ON pe.id = e."personId" JOIN "Cohort" c ON c.id = e."cohortId" WHERE e.id = NEW."entityId";
    WHEN 'User' THEN
      SELECT u.name INTO label FROM "User" u WHERE u.id = NEW."entityId";
    WHEN 'Venue' THEN
      SELECT v.name INTO label FROM "Venue" v WHERE v.id = NEW."entityId";
    WHEN 'Room' THEN
      SELECT r.name || ', ' || v.name INTO label FROM "Room" r JOIN "Venue" v ON v.id = r."venueId" WHERE r.id = NEW."entityId";
    WHEN 'EvaluationForm' THEN
      SELECT f.title || ', ' || c.name INTO label FROM "EvaluationForm" f JOIN "Cohort" c ON c.id = f."cohortId" WHERE f.id = NEW."entityId";
    WHEN 'EvaluationQuestion' THEN
      SELECT left(q.prompt, 80) || ', ' || f.title INTO label FROM "EvaluationQuestion" q JOIN "EvaluationForm" f ON f.id = q."formId" WHERE q.id = NEW."entityId";
    WHEN 'PublishedScore' THEN
      SELECT ps.label || ' (' || p.title || ')' INTO label FROM "PublishedScore" ps JOIN "Programme" p ON p.id = ps."programmeId" WHERE ps.id = NEW."entityId";
    ELSE
      label := NULL;
  END CASE;
  NEW."entityLabel" := label;
  RETURN NEW;
END $$;

CREATE TRIGGER "AuditLog_entity_label" BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_entity_label"();

-- A person's name does not outlive their anonymisation or erasure in the log's labels: when a person
-- is anonymised (or deleted), and when an enrolment is deleted (retention, erasure), the labels of
-- their entries go.
CREATE FUNCTION "audit_log_forget_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuditLog" SET "entityLabel" = NULL
   WHERE "entityLabel" IS NOT NULL
     AND (("entityType" = 'Person' AND "entityId" = OLD.id)
          OR ("entityType" = 'Enrolment' AND "entityId" IN (SELECT e.id FROM "Enrolment" e WHERE e."personId" = OLD.id)));
  RETURN NULL;
END $$;

CREATE FUNCTION "audit_log_forget_enrolment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuditLog" SET "entityLabel" = NULL WHERE "entityType" = 'Enrolment' AND "entityId" = OLD.id AND "entityLabel" IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "Person_anonymised_audit_labels" AFTER UPDATE OF "anonymisedAt" ON "Person"
  FOR EACH ROW WHEN (OLD."anonymisedAt" IS NULL AND NEW."anonymisedAt" IS NOT NULL) EXECUTE FUNCTION "audit_log_forget_person"();
CREATE TRIGGER "Person_deleted_audit_labels" AFTER DELETE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_forget_person"();
CREATE TRIGGER "Enrolment_deleted_audit_labels" AFTER DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_forget_enrolment"();
