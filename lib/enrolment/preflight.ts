import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { CohortForDetails } from "./details";
import type { EnrolmentInput } from "./schemas";

// Everything an enrolment reads before it writes, in one round trip: the cohort with what its mail
// shows (programme, sessions, modules, places, days), earlier submissions that make this one a repeat
// (its idempotency key, or this e-mail's active enrolment in the cohort), and the person and
// organisation the form names, if they exist. Nothing here is locked; the writes that follow are
// guarded by unique indexes and the seat statement.

export type EarlierSubmission = { id: string; status: string; waitlistPosition: number | null; cohortId: string; email: string; byKey: boolean };
type PersonRow = Prisma.PersonGetPayload<object>;
type OrganisationRow = Prisma.OrganisationGetPayload<object>;

export interface Preflight {
  cohort: CohortForDetails | null;
  earlier: EarlierSubmission[];
  person: PersonRow | null;
  organisation: OrganisationRow | null;
}

/** JSON from PostgreSQL carries times as strings; every time column of the schema ends in "At". */
function reviveTimes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveTimes) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k.endsWith("At") && typeof v === "string" ? new Date(v) : reviveTimes(v);
    return out as T;
  }
  return value;
}

export async function enrolmentPreflight(cohortId: string, input: EnrolmentInput): Promise<Preflight> {
  const key = input.idempotencyKey || null;
  const code = input.orgType === "MUNICIPALITY" ? Number(input.municipalityCode) : null;
  const cvr = input.orgType === "PRIVATE" ? input.cvr : null;
  const otherName = input.orgType === "OTHER_PUBLIC" ? input.organisationName : null;
  const [row] = await db.$queryRaw<Array<{ cohort: unknown; earlier: unknown; person: unknown; organisation: unknown }>>`
    SELECT
      (SELECT to_jsonb(c) || jsonb_build_object(
          'programme', (SELECT to_jsonb(p) FROM "Programme" p WHERE p.id = c."programmeId"),
          'sessions', COALESCE((
            SELECT jsonb_agg(to_jsonb(s) || jsonb_build_object(
                'module', to_jsonb(m),
                'venue', (SELECT to_jsonb(v) FROM "Venue" v WHERE v.id = s."venueId"),
                'room', (SELECT to_jsonb(r) FROM "Room" r WHERE r.id = s."roomId"),
                'days', COALESCE((SELECT jsonb_agg(to_jsonb(d) ORDER BY d."startsAt") FROM "SessionDay" d WHERE d."sessionId" = s.id), '[]'::jsonb)
              ) ORDER BY m.position)
            FROM "Session" s JOIN "Module" m ON m.id = s."moduleId" WHERE s."cohortId" = c.id), '[]'::jsonb))
        FROM "Cohort" c WHERE c.id = ${cohortId}) AS cohort,
      (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', e.id, 'status', e.status, 'waitlistPosition', e."waitlistPosition",
                                                    'cohortId', e."cohortId", 'email', p.email, 'byKey', e."idempotencyKey" IS NOT DISTINCT FROM ${key}::text)), '[]'::jsonb)
        FROM "Enrolment" e JOIN "Person" p ON p.id = e."personId"
        WHERE e."idempotencyKey" = ${key}::text
           OR (e."cohortId" = ${cohortId} AND p.email = ${input.email} AND e.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED'))) AS earlier,
      (SELECT to_jsonb(p) FROM "Person" p WHERE p.email = ${input.email}) AS person,
      (SELECT to_jsonb(o) FROM "Organisation" o
        WHERE o."municipalityCode" = ${code}::int OR o.cvr = ${cvr}::text
           OR (o.kind = 'OTHER_PUBLIC' AND lower(o.name) = lower(${otherName}::text))
        ORDER BY o."createdAt" LIMIT 1) AS organisation`;
  return reviveTimes({
    cohort: (row?.cohort ?? null) as CohortForDetails | null,
    earlier: (row?.earlier ?? []) as EarlierSubmission[],
    person: (row?.person ?? null) as PersonRow | null,
    organisation: (row?.organisation ?? null) as OrganisationRow | null,
  });
}
