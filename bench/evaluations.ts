// npm run bench -- evaluations
// 100 000 stored responses over 20 cohorts of one programme in a scratch database, then the time to
// compute one cohort's full results (lib/evaluations/results.ts) and the public page's published
// scores across all cohorts (lib/evaluations/public-scores.ts), each the median of several runs. A
// trivial query's round trip in the same run is printed as the baseline.
import { createDefaultForm } from "../prisma/seed/evaluations";
import { createBenchDb } from "./server";
import { runLibInProcess } from "./in-process";

const COHORTS = 20;
const RESPONSES = Number(process.env.BENCH_EVALUATION_RESPONSES ?? 100_000);
const RUNS = 7;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchEvaluations(): Promise<string> {
  const bdb = await createBenchDb();
  const opened = bdb.open();
  const prisma = opened.prisma;
  const restoreDb = runLibInProcess(opened);
  try {
    const seedStart = performance.now();
    const programme = await prisma.programme.create({
      data: {
        slug: "bench-evaluering", title: "Benchmark-uddannelse", summary: "-", content: { lead: ["-"], sections: [] }, audience: "-", providerName: "KL",
        status: "PUBLISHED", priceOre: 1_295_000, termsText: "-", termsVersion: "v1",
        modules: { create: [{ position: 1, title: "Modul 1" }] },
      },
      include: { modules: true },
    });
    const perCohort = Math.ceil(RESPONSES / COHORTS);
    const forms: string[] = [];
    for (let c = 0; c < COHORTS; c++) {
      const cohort = await prisma.cohort.create({
        data: {
          programmeId: programme.id, slug: `hold-${c}`, name: `Hold ${c + 1}`, status: "COMPLETED", capacity: perCohort,
          enrolmentOpensAt: new Date("2024-01-01"), enrolmentClosesAt: new Date("2024-02-01"),
          sessions: { create: [{ moduleId: programme.modules[0]!.id, days: { create: [{ startsAt: new Date("2024-03-01T08:00:00Z"), endsAt: new Date("2024-03-01T15:00:00Z") }] } }] },
        },
      });
      const form = await createDefaultForm(prisma, { cohortId: cohort.id, title: `Evaluering ${c + 1}`, anonymous: true });
      forms.push(form.id);
      const scale = form.questions.filter((q) => q.kind === "SCALE").map((q) => q.id);
      const text = form.questions.find((q) => q.key === "comments")!.id;
      const n = Math.min(perCohort, RESPONSES - c * perCohort);
      const p = `b${c}_`;
      // Bulk inserts in SQL: the shape live submissions store (anonymous: no invitation on the response).
      await prisma.$executeRawUnsafe(`
        INSERT INTO "Person" (id, name, email, "createdAt", "updatedAt")
        SELECT '${p}p' || g, 'Deltager ' || g, '${p}' || g || '@bench.invalid', now(), now() FROM generate_series(1, ${n}) g`);
      await prisma.$executeRawUnsafe(`
        INSERT INTO "Enrolment" (id, "cohortId", "personId", status, "priceOre", "vatRateBp", "termsAcceptedAt", "termsVersion", "privacyAcceptedAt", "createdAt", "updatedAt")
        SELECT '${p}e' || g, '${cohort.id}', '${p}p' || g, 'COMPLETED', 1295000, 2500, now(), 'v1', now(), now(), now() FROM generate_series(1, ${n}) g`);
      await prisma.$executeRawUnsafe(`
        INSERT INTO "EvaluationInvitation" (id, "formId", "enrolmentId", "tokenHash", "sentAt", "usedAt", "createdAt", "updatedAt")
        SELECT '${p}i' || g, '${form.id}', '${p}e' || g, md5('${p}' || g), now(), now(), now(), now() FROM generate_series(1, ${n}) g`);
      await prisma.$executeRawUnsafe(`
        INSERT INTO "EvaluationResponse" (id, "formId", "submittedAt", "createdAt", "updatedAt")
        SELECT '${p}r' || g, '${form.id}', now(), now(), now() FROM generate_series(1, ${n}) g`);
      for (const [k, qid] of scale.entries()) {
        await prisma.$executeRawUnsafe(`
          INSERT INTO "EvaluationAnswer" (id, "responseId", "questionId", "scaleValue", "createdAt", "updatedAt")
          SELECT '${p}a${k}_' || g, '${p}r' || g, '${qid}', 1 + floor(random() * 10)::int, now(), now() FROM generate_series(1, ${n}) g`);
      }
      await prisma.$executeRawUnsafe(`
        INSERT INTO "EvaluationAnswer" (id, "responseId", "questionId", text, "createdAt", "updatedAt")
        SELECT '${p}t' || g, '${p}r' || g, '${text}', 'Kommentar nummer ' || g, now(), now() FROM generate_series(1, ${n}, 10) g`);
    }
    for (const [i, key] of ["content_quality", "content_relevance", "delivery"].entries()) {
      await prisma.publishedScore.create({ data: { programmeId: programme.id, questionKey: key, label: key, position: i + 1 } });
    }
    await prisma.$executeRawUnsafe(`ANALYZE`);
    const seedS = (performance.now() - seedStart) / 1000;

    const { getFormResults } = await import("../lib/evaluations/results");
    const { getPublicScores } = await import("../lib/evaluations/public-scores");
    const responses = await prisma.evaluationResponse.count();
    const results = await getFormResults(forms[0]!);
    if (!results || results.responded !== Math.min(perCohort, RESPONSES)) throw new Error("results do not cover the seeded responses");
    const scores = await getPublicScores(programme.id);
    if (scores.length !== 3 || scores.some((s) => s.responses !== responses)) throw new Error("public scores do not cover the seeded responses");

    const roundtrip = await median(() => prisma.$queryRawUnsafe("SELECT 1"));
    const resultsMs = await median(() => getFormResults(forms[0]!));
    const publicMs = await median(() => getPublicScores(programme.id));
    const f = (ms: number) => ms.toFixed(1);
    return `evaluations: responses=${responses} cohorts=${COHORTS} results_ms=${f(resultsMs)} public_scores_ms=${f(publicMs)} roundtrip_ms=${f(roundtrip)} seed_s=${seedS.toFixed(1)} db=${bdb.label}`;
  } finally {
    restoreDb();
    await opened.close();
    await bdb.drop();
  }
}
