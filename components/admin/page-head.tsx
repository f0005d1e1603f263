import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";

/**
 * The top of an admin page: the way back to where it belongs (a detail page), the outcome notices of
 * an action that redirected here, the heading and its lead. A page without a way back (a list) gets
 * the heading's own top margin instead.
 */
export function PageHead({
  back,
  notices = [],
  title,
  lead,
}: {
  back?: { href: string; label: ReactNode };
  /** Each shown in its own status box; empty ones are left out. */
  notices?: Array<ReactNode>;
  title: ReactNode;
  lead?: ReactNode;
}) {
  return (
    <>
      {back && (
        <p style={{ marginTop: "1rem" }}>
          <Link href={back.href}>← {back.label}</Link>
        </p>
      )}
      {notices.map((notice, i) => notice && <Notice key={i}>{notice}</Notice>)}
      <h1 style={back ? undefined : { marginTop: "1.5rem" }}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
    </>
  );
}
