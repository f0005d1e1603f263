import "server-only";
import type { PrismaClient, Tx } from "../db";

/**
 * Each waitlisted enrolment's place in line: its rank among those still waiting (1 = next), the same
 * number the participant sees on their page (service.ts waitlistRank). Stored positions keep gaps when
 * people leave the list, so they are never shown as they are.
 */
export async function cohortWaitlistRanks(client: PrismaClient | Tx, cohortId: string): Promise<Map<string, number>> {
  const waiting = await client.enrolment.findMany({
    where: { cohortId, status: "WAITLISTED" },
    orderBy: { waitlistPosition: "asc" },
    select: { id: true },
  });
  return new Map(waiting.map((e, i) => [e.id, i + 1]));
}
