import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/http/limits";

export const metadata: Metadata = { title: "Log ind", robots: { index: false } };

type Props = { searchParams: Promise<{ til?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { til } = await searchParams;
  // Only admin paths: a sign-in link must not become an open redirect.
  const returnTo = safeReturnPath(til);
  // The footer of every page links here (public pages are shared by everybody and cannot know who is
  // signed in): someone who already is goes straight on to the administration.
  if (await signedIn()) redirect(returnTo);
  return (
    <main className="wrap narrow">
      <h1 style={{ marginTop: "2rem" }}>Log ind</h1>
      <p>For administratorer, koordinatorer og undervisere.</p>
      <SignInForm returnTo={returnTo} />
    </main>
  );
}

async function signedIn(): Promise<boolean> {
  try {
    return (await currentUser()) !== null;
  } catch {
    return false;
  }
}
