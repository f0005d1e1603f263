"use server";

import type { FormState } from "@/components/ui/action-form";
import { adminForm } from "@/lib/http/form-action";
import { SellerConfigSchema } from "@/lib/invoicing/schemas";
import { saveSellerConfig } from "@/lib/invoicing/service";

export async function saveSellerConfigAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return adminForm(fd, { permission: "invoice:configure", page: "/admin/fakturering", schema: SellerConfigSchema }, async (data, user) => {
    await saveSellerConfig(data, user.id);
    return "Sælgeroplysningerne er gemt. Allerede udstedte fakturaer er uændrede.";
  });
}
