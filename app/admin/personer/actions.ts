"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/result";
import { requirePermission } from "@/lib/auth/session";
import { FormError } from "@/lib/errors";
import { runForm } from "@/lib/http/run-action";
import { erasePerson, findPerson } from "@/lib/privacy/people";
import { ErasePersonSchema, PersonSearchSchema } from "@/lib/privacy/schemas";

// The search is a POST that redirects to ?id=<person id>, so the e-mail address never ends up in a
// URL (and so in access logs or the browser's history).
export async function findPersonAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("person:manage", "/admin/personer");
  let id = "";
  const r = await runForm(fd, PersonSearchSchema, async (data) => {
    const found = await findPerson(user.id, { email: data.email });
    if (!found) throw new FormError("Der er ingen person med denne e-mail.");
    id = found.person.id;
    return "";
  });
  if (!r?.ok) return r;
  redirect(`/admin/personer?id=${encodeURIComponent(id)}`);
}

export async function erasePersonAction(personId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("person:manage", "/admin/personer");
  const r = await runForm(fd, ErasePersonSchema, async (data) => {
    await erasePerson(user.id, personId, data.confirmEmail);
    return "";
  });
  if (!r?.ok) return r;
  revalidatePath("/admin/personer");
  redirect(`/admin/personer?id=${encodeURIComponent(personId)}&slettet=1`);
}
