import type { Metadata } from "next";
import { SignInForm } from "@/components/admin/sign-in-form";
import { safeReturnPath } from "@/lib/http/limits";

export const metadata: Metadata = { title: "Log ind", robots: { index: false } };

type Props = { searchParams: Promise<{ til?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { til } = await searchParams;
  // Only admin paths: a sign-in link must not become an open redirect.
  const returnTo = safeReturnPath(til);
  return (
    <main className="wrap narrow">
      <h1 style={{ marginTop: "2rem" }}>Log ind</h1>
      <p>For administratorer, koordinatorer og undervisere.</p>
      <SignInForm returnTo={returnTo} />
    </main>
  );
}
