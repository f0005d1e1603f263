import "server-only";
import { db } from "../db";
import { composeMail } from "../mail/compose";
import { enqueueMail } from "../mail/outbox";
import { formatDay } from "../time";
import { mintWorkspaceLink } from "./access";
import { workspaceUrl } from "./links";

// One mail between the modules: the programme's number of days before module 2's first day (once
// module 1 has ended), each seat holder is asked how the implementation is going, with a link to their
// workspace. The job does not know the manage-link token (only its hash is stored), so it mints a
// workspace link of its own; its unique (enrolment, purpose) and the mail's dedupeKey make a second
// run, or a second app instance, send nothing more. Enrolments are claimed with FOR UPDATE SKIP LOCKED.

export const PROGRESS_PURPOSE = "progress";
const BATCH = 50;

export async function sendDueWorkspaceMails(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string; module2: Date }>>`
      SELECT e.id, t.module2
      FROM "Enrolment" e
      JOIN "Cohort" c ON c.id = e."cohortId"
      JOIN "Programme" p ON p.id = c."programmeId"
      JOIN LATERAL (
        SELECT MIN(d."startsAt") FILTER (WHERE m.position = 2) AS module2, MAX(d."endsAt") FILTER (WHERE m.position = 1) AS module1end
        FROM "Session" s JOIN "Module" m ON m.id = s."moduleId" JOIN "SessionDay" d ON d."sessionId" = s.id
        WHERE s."cohortId" = c.id
      ) t ON TRUE
      WHERE e.status IN ('CONFIRMED', 'COMPLETED')
        AND t.module2 > ${now} AND t.module1end <= ${now}
        AND t.module2 - make_interval(days => p."workspaceMailDaysBefore") <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "WorkspaceLink" l WHERE l."enrolmentId" = e.id AND l.purpose = ${PROGRESS_PURPOSE})
      ORDER BY e.id
      LIMIT ${BATCH}
      FOR UPDATE OF e SKIP LOCKED`;
    let sent = 0;
    for (const row of due) {
      const token = await mintWorkspaceLink(tx, row.id, PROGRESS_PURPOSE);
      if (!token) continue;
      const e = await tx.enrolment.findUniqueOrThrow({
        where: { id: row.id },
        include: { person: true, cohort: { include: { programme: true } }, workspaces: { select: { title: true }, orderBy: { createdAt: "asc" } } },
      });
      const p = e.cohort.programme;
      await enqueueMail(tx, {
        dedupeKey: `workspace-progress:${e.id}`,
        to: e.person.email,
        fromName: p.providerName,
        ...composeMail(`Hvordan går det med implementeringen? ${p.title}`, [
          { p: `Kære ${e.person.name}` },
          {
            p: `Der er nu ikke længe til modul 2 af ${p.title}, hold ${e.cohort.name}, som begynder ${formatDay(new Date(row.module2))}. Hvordan går det med den løsning, du arbejder på at indføre? Er adfærdsmålene blevet konkrete, er forudsætningerne på plads, og har hver aktivitet stadig én ejer?`,
          },
          ...(e.workspaces.length ? [{ ul: e.workspaces.map((w) => w.title) }] : []),
          {
            lead: e.workspaces.length ? "Opdatér dit implementeringsstillads her, så du og holdet kan tage udgangspunkt i det på modul 2:" : "Du har ikke startet dit implementeringsstillads endnu. Det kan du gøre her:",
            link: workspaceUrl(token),
            label: "Mit implementeringsstillads",
          },
          { p: `Venlig hilsen\n${p.providerName}` },
        ]),
      });
      sent++;
    }
    return sent;
  });
}
