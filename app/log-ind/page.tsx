import type { Metadata } from "next";
import { SignInForm } from "@/components/admin/sign-in-form";

export const metadata: Metadata = { title: "Log ind", robots: { index: false } };

type Props = { searchParams: Promise<{ til?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { til } = await searchParams;
  // Only same-site paths: a sign-in link must not become an open redirect.
  const returnTo = til && til.startsWith("/") && !til.startsWith("//") ? til : "/admin";
  return (
    <main className="wrap narrow">
      <h1 style={{ marginTop: "2rem" }}>Log ind</h1>
      <p>For administratorer, koordinatorer og undervisere.</p>
      <SignInForm returnTo={returnTo} />
    </main>
  );
}
