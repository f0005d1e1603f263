import { ImageResponse } from "next/og";
import { getPublicProgramme } from "@/lib/programmes/public";

// The picture a shared link shows (og:image): the programme's title and provider, 1200 × 630.
export const dynamic = "force-dynamic";
export const alt = "Uddannelsens titel og udbyder";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const programme = await getPublicProgramme((await params).slug);
  const title = programme?.title ?? "Stillads";
  const provider = programme ? `${programme.providerName}${programme.partnerName ? ` i samarbejde med ${programme.partnerName}` : ""}` : "";
  const facts = programme ? `${programme.modules.length} moduler · ${programme.modules.reduce((n, m) => n + m.durationDays, 0)} kursusdage` : "";
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#0a3e6e", color: "#ffffff" }}>
        <div style={{ fontSize: 32, opacity: 0.85 }}>{provider}</div>
        <div style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 32 }}>
          <span>{facts}</span>
          <span>Stillads</span>
        </div>
      </div>
    ),
    size,
  );
}
