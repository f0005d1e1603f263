"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, formDataToObject } from "@/lib/enrolment/schemas";
import { invalidInput, runAction } from "@/lib/http/run-action";
import { erasePerson, findPerson } from "@/lib/privacy/people";
import { ErasePersonSchema, PersonSearchSchema } from "@/lib/privacy/schemas";

// The search is a POST that redirects to ?id=<person id>, so the e-mail address never ends up in a
// URL (and so in access logs or the browser's history).
export async function findPersonAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("person:manage", "/admin/personer");
  const values = formDataToObject(fd);
  const parsed = PersonSearchSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  let id = "";
  const r = await runAction(values, async () => {
    id = (await findPerson(user.id, { email: parsed.data.email }))?.person.id ?? "";
    return "";
  });
  if (!r?.ok) return r;
  if (!id) return { ok: false, message: "Der er ingen person med denne e-mail.", values };
  redirect(`/admin/personer?id=${encodeURIComponent(id)}`);
}

export async function erasePersonAction(personId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("person:manage", "/admin/personer");
  const values = formDataToObject(fd);
  const parsed = ErasePersonSchema.safeParse(values);
  if (!parsed.success) return invalidInput(values, fieldErrors(parsed.error));
  const r = await runAction(values, async () => {
    await erasePerson(user.id, personId, parsed.data.confirmEmail);
    return "";
  });
  if (!r?.ok) return r;
  revalidatePath("/admin/personer");
  redirect(`/admin/personer?id=${encodeURIComponent(personId)}&slettet=1`);
}
