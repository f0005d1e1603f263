-- CreateTable
CREATE TABLE "EvaluationScaleCount" (
    "questionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationScaleCount_pkey" PRIMARY KEY ("questionId","value")
);

-- CreateTable
CREATE TABLE "EvaluationChoiceCount" (
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationChoiceCount_pkey" PRIMARY KEY ("questionId","choice")
);

-- CreateIndex
CREATE INDEX "EvaluationAnswer_text_idx" ON "EvaluationAnswer"("questionId", "id") WHERE (text IS NOT NULL);

-- AddForeignKey
ALTER TABLE "EvaluationScaleCount" ADD CONSTRAINT "EvaluationScaleCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "EvaluationQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationChoiceCount" ADD CONSTRAINT "EvaluationChoiceCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "EvaluationQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A count never goes below zero: a trigger that missed a change would show here, not in a result.
ALTER TABLE "EvaluationScaleCount" ADD CONSTRAINT "EvaluationScaleCount_count_check" CHECK ("count" >= 0);
ALTER TABLE "EvaluationChoiceCount" ADD CONSTRAINT "EvaluationChoiceCount_count_check" CHECK ("count" >= 0);

-- Keep the counts in step with EvaluationAnswer, per statement (transition tables) like
-- EvaluationQuestionStat: a bulk insert or a cascaded delete costs one write per question and value.
-- An update is a removal of the old values and an addition of the new. Additions are upserted in key
-- order, so concurrent submissions to one form take the count rows' locks in the same order and
-- cannot deadlock on them. Removals only update rows that exist: when a whole form goes, its
-- questions (and with them their counts) may already be gone.
CREATE FUNCTION "evaluation_answer_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EvaluationScaleCount" ("questionId", "value", "count", "createdAt", "updatedAt")
  SELECT "questionId", "scaleValue", COUNT(*), now(), now()
    FROM new_rows WHERE "scaleValue" IS NOT NULL
   GROUP BY "questionId", "scaleValue" ORDER BY "questionId", "scaleValue"
  ON CONFLICT ("questionId", "value") DO UPDATE
    SET "count" = "EvaluationScaleCount"."count" + EXCLUDED."count", "updatedAt" = now();
  INSERT INTO "EvaluationChoiceCount" ("questionId", "choice", "count", "createdAt", "updatedAt")
  SELECT "questionId", "choice", COUNT(*), now(), now()
    FROM new_rows WHERE "choice" IS NOT NULL
   GROUP BY "questionId", "choice" ORDER BY "questionId", "choice"
  ON CONFLICT ("questionId", "choice") DO UPDATE
    SET "count" = "EvaluationChoiceCount"."count" + EXCLUDED."count", "updatedAt" = now();
  RETURN NULL;
END $$;

CREATE FUNCTION "evaluation_answer_counts_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EvaluationScaleCount" c
     SET "count" = c."count" - o.n, "updatedAt" = now()
    FROM (SELECT "questionId", "scaleValue", COUNT(*) AS n FROM old_rows WHERE "scaleValue" IS NOT NULL GROUP BY "questionId", "scaleValue") o
   WHERE c."questionId" = o."questionId" AND c."value" = o."scaleValue";
  UPDATE "EvaluationChoiceCount" c
     SET "count" = c."count" - o.n, "updatedAt" = now()
    FROM (SELECT "questionId", "choice", COUNT(*) AS n FROM old_rows WHERE "choice" IS NOT NULL GROUP BY "questionId", "choice") o
   WHERE c."questionId" = o."questionId" AND c."choice" = o."choice";
  RETURN NULL;
END $$;

CREATE TRIGGER "EvaluationAnswer_counts_insert" AFTER INSERT ON "EvaluationAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_answer_counts_add"();
CREATE TRIGGER "EvaluationAnswer_counts_delete" AFTER DELETE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_answer_counts_remove"();
CREATE TRIGGER "EvaluationAnswer_counts_update_remove" AFTER UPDATE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_answer_counts_remove"();
CREATE TRIGGER "EvaluationAnswer_counts_update_add" AFTER UPDATE ON "EvaluationAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_answer_counts_add"();

-- Answers stored before this migration.
INSERT INTO "EvaluationScaleCount" ("questionId", "value", "count", "createdAt", "updatedAt")
SELECT "questionId", "scaleValue", COUNT(*), now(), now() FROM "EvaluationAnswer" WHERE "scaleValue" IS NOT NULL GROUP BY "questionId", "scaleValue";
INSERT INTO "EvaluationChoiceCount" ("questionId", "choice", "count", "createdAt", "updatedAt")
SELECT "questionId", "choice", COUNT(*), now(), now() FROM "EvaluationAnswer" WHERE "choice" IS NOT NULL GROUP BY "questionId", "choice";
