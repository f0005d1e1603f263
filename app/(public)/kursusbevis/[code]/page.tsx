import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { checkCertificate } from "@/lib/certificates/service";
import { clientIp } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Bekræftelse af kursusbevis", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ code: string }> };

// The public check of a kursusbevis: name, programme and date, or that it has been revoked. Nothing
// else about the person. Not in the public-page cache (lib/public-cache/routes.ts): it differs per code.
export default async function CertificateCheckPage({ params }: Props) {
  await connection();
  const limit = await consumeRateLimit(`certificate:ip:${await clientIp()}`, 60, 10 * 60_000);
  if (!limit.allowed) {
    return (
      <main className="wrap narrow">
        <h1>For mange opslag</h1>
        <p>Der er slået mange kursusbeviser op fra din forbindelse på kort tid. Prøv igen om lidt.</p>
      </main>
    );
  }
  const { code } = await params;
  const check = await checkCertificate(code);
  if (!check) notFound();
  return (
    <main className="wrap narrow">
      <h1>Bekræftelse af kursusbevis</h1>
      {check.state === "valid" ? (
        <div className="notice" role="status" data-testid="certificate-state">
          <p>
            <strong>Kursusbeviset er gyldigt.</strong>
          </p>
        </div>
      ) : (
        <div className="notice notice-revoked" role="status" data-testid="certificate-state">
          <p>
            <strong>Kursusbeviset er trukket tilbage</strong> den {formatDate(check.revokedAt)} og gælder ikke længere.
          </p>
        </div>
      )}
      <dl className="price">
        <div><dt>Navn</dt><dd data-testid="certificate-name">{check.name}</dd></div>
        <div><dt>Uddannelse</dt><dd>{check.programme}</dd></div>
        {check.state === "valid" && <div><dt>Gennemført</dt><dd>{formatDate(check.completedAt)}</dd></div>}
      </dl>
    </main>
  );
}
