import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ipFromForwarded } from "../http/client-ip";
import { RETENTION } from "../privacy/policy";
import type { Role } from "./permissions";
import { verifyLogin } from "./users";

// next-auth with e-mail and password, JWT sessions (nothing in process memory: any app instance
// can verify a session with the shared NEXTAUTH_SECRET). The JWT carries only the user id; role and
// "disabled" are read from the database on every check (lib/auth/session.ts).
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: RETENTION.staffSessionHours * 60 * 60 },
  pages: { signIn: "/log-ind", error: "/log-ind" },
  providers: [
    CredentialsProvider({
      name: "E-mail og adgangskode",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Adgangskode", type: "password" } },
      async authorize(credentials, req) {
        if (typeof credentials?.email !== "string" || typeof credentials.password !== "string") return null;
        const result = await verifyLogin(credentials.email, credentials.password, ipFromForwarded(req?.headers?.["x-forwarded-for"]));
        if (!result.ok) throw new Error(result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        (token as { role?: Role }).role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
