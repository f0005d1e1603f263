import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIpFrom, nodeHeaders } from "../http/client-ip";
import { RETENTION } from "../privacy/policy";
import type { Role } from "./permissions";
import { verifyLogin } from "./users";

// next-auth with e-mail and password, JWT sessions (nothing in process memory: any app instance
// can verify a session with the shared NEXTAUTH_SECRET). The JWT carries the user id and the user's
// sessionVersion at sign-in; role, "disabled" and the current sessionVersion are read from the
// database on every check (lib/auth/session.ts), so raising the version ends the session.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: RETENTION.staffSessionHours * 60 * 60 },
  pages: { signIn: "/log-ind", error: "/log-ind" },
  providers: [
    CredentialsProvider({
      name: "E-mail og adgangskode",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Adgangskode", type: "password" } },
      async authorize(credentials, req) {
        if (typeof credentials?.email !== "string" || typeof credentials.password !== "string") return null;
        const result = await verifyLogin(credentials.email, credentials.password, clientIpFrom(nodeHeaders(req?.headers)));
        if (!result.ok) throw new Error(result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        (token as { role?: Role }).role = (user as { role?: Role }).role;
        (token as { sv?: number }).sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: (token as { sv?: number }).sv ?? 0 };
    },
  },
};
