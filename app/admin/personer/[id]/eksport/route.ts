import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/auth/session";
import { guarded } from "@/lib/http/guarded-route";
import { exportPerson } from "@/lib/privacy/people";

// GET /admin/personer/<id>/eksport: everything stored about the person, as a JSON download.
export const GET = guarded(async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("person:manage", "/admin/personer");
  const { id } = await ctx.params;
  const data = await exportPerson(user.id, id);
  if (!data) return new Response("Personen findes ikke.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  // The file is named by the person's id, not their name or e-mail, which would end up in logs.
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="person-${id.replace(/[^a-z0-9]/gi, "")}.json"`,
      "cache-control": "no-store",
    },
  });
});
