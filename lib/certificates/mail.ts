import "server-only";
import { composeMail } from "../mail/compose";
import type { OutgoingMail } from "../mail/outbox";
import { formatDate } from "../time";
import type { CertificateContent } from "./pdf";

/** The mail that carries a kursusbevis as a PDF attachment. */
export function certificateMail(c: CertificateContent & { to: string; dedupeKey: string; pdf: Buffer }): OutgoingMail {
  return {
    dedupeKey: c.dedupeKey,
    to: c.to,
    fromName: c.providerName,
    ...composeMail(`Dit kursusbevis: ${c.programmeTitle}`, [
      { p: `Kære ${c.participantName}` },
      { p: `Tillykke! Du har gennemført ${c.programmeTitle} (${formatDate(c.completedAt)}). Dit kursusbevis er vedhæftet som PDF.` },
      { p: "Du kan også hente beviset igen via linket i din bekræftelse. Vil andre, fx en arbejdsgiver, se at beviset er ægte, kan de slå koden op her:" },
      { link: c.verifyUrl, lead: `Verifikationskode: ${c.code}`, label: "Bekræft kursusbeviset" },
      { p: `Venlig hilsen\n${c.providerName}` },
    ]),
    attachments: [{ filename: `kursusbevis-${c.code}.pdf`, contentType: "application/pdf", content: c.pdf }],
  };
}
