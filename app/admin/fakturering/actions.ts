"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/ui/action-form";
import { requirePermission } from "@/lib/auth/session";
import { runForm } from "@/lib/http/run-action";
import { SellerConfigSchema } from "@/lib/invoicing/schemas";
import { saveSellerConfig } from "@/lib/invoicing/service";

export async function saveSellerConfigAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await requirePermission("invoice:configure", "/admin/fakturering");
  const result = await runForm(fd, SellerConfigSchema, async (data) => {
    await saveSellerConfig(data, user.id);
    return "Sælgeroplysningerne er gemt. Allerede udstedte fakturaer er uændrede.";
  });
  revalidatePath("/admin/fakturering");
  return result;
}
