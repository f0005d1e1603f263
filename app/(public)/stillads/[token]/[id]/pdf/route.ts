import { workspacePdf } from "@/lib/workspace/pdf";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string; id: string }> }) {
  const { token, id } = await params;
  const out = await workspacePdf(token, id);
  if (!out) return new Response("Linket giver ikke adgang til dette implementeringsstillads.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(out.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${out.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
      "cache-control": "private, no-store",
      "referrer-policy": "same-origin",
      "x-robots-tag": "noindex",
    },
  });
}
