-- CreateTable
CREATE TABLE "EvaluationQuestionStat" (
    "questionId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL DEFAULT 0,
    "total" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationQuestionStat_pkey" PRIMARY KEY ("questionId")
);

-- AddForeignKey
ALTER TABLE "EvaluationQuestionStat" ADD CONSTRAINT "EvaluationQuestionStat_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "EvaluationQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep EvaluationQuestionStat in step with EvaluationAnswer, per statement (transition tables), so bulk
-- inserts and cascaded deletes cost one upsert per question, not one per row. Answers to questions
-- other than scale ones have no scaleValue and are not counted.
CREATE FUNCTION "evaluation_question_stat_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EvaluationQuestionStat" ("questionId", "answers", "total", "createdAt", "updatedAt")
  SELECT "questionId", COUNT(*), SUM("scaleValue"), now(), now() FROM new_rows WHERE "scaleValue" IS NOT NULL GROUP BY "questionId"
  ON CONFLICT ("questionId") DO UPDATE
    SET "answers" = "EvaluationQuestionStat"."answers" + EXCLUDED."answers",
        "total" = "EvaluationQuestionStat"."total" + EXCLUDED."total",
        "updatedAt" = now();
  RETURN NULL;
END $$;

CREATE FUNCTION "evaluation_question_stat_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EvaluationQuestionStat" s
     SET "answers" = s."answers" - o.n, "total" = s."total" - o.total, "updatedAt" = now()
    FROM (SELECT "questionId", COUNT(*) AS n, SUM("scaleValue") AS total FROM old_rows WHERE "scaleValue" IS NOT NULL GROUP BY "questionId") o
   WHERE s."questionId" = o."questionId";
  RETURN NULL;
END $$;

CREATE TRIGGER "EvaluationAnswer_stat_insert" AFTER INSERT ON "EvaluationAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_question_stat_add"();
CREATE TRIGGER "EvaluationAnswer_stat_delete" AFTER DELETE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_question_stat_remove"();
-- An update is a removal of the old values and an addition of the new ones.
CREATE TRIGGER "EvaluationAnswer_stat_update_remove" AFTER UPDATE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_question_stat_remove"();
CREATE TRIGGER "EvaluationAnswer_stat_update_add" AFTER UPDATE ON "EvaluationAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evaluation_question_stat_add"();

-- Answers stored before this migration.
INSERT INTO "EvaluationQuestionStat" ("questionId", "answers", "total", "createdAt", "updatedAt")
SELECT "questionId", COUNT(*), SUM("scaleValue"), now(), now() FROM "EvaluationAnswer" WHERE "scaleValue" IS NOT NULL GROUP BY "questionId";
