"use server";

import type { FormState } from "@/lib/http/result";
import { FormError } from "@/lib/errors";
import { adminForm } from "@/lib/http/form-action";
import { erasePerson, findPerson } from "@/lib/privacy/people";
import { ErasePersonSchema, PersonSearchSchema } from "@/lib/privacy/schemas";

// The search is a POST that redirects to ?id=<person id>, so the e-mail address never ends up in a
// URL (and so in access logs or the browser's history).
export async function findPersonAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "person:manage", page: "/admin/personer", schema: PersonSearchSchema }, async (data, user) => {
    const found = await findPerson(user.id, { email: data.email });
    if (!found) throw new FormError("Der er ingen person med denne e-mail.");
    return { redirect: `/admin/personer?id=${encodeURIComponent(found.person.id)}` };
  });
}

export async function erasePersonAction(personId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "person:manage", page: "/admin/personer", schema: ErasePersonSchema }, async (data, user) => {
    await erasePerson(user.id, personId, data.confirmEmail);
    return { redirect: `/admin/personer?id=${encodeURIComponent(personId)}&slettet=1` };
  });
}
