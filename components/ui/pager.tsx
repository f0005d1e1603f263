import Link from "next/link";

/** Previous/next links for a paginated list; `href(page)` builds each page's URL. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Sider">
      {page > 1 && <Link href={href(page - 1)}>← Forrige</Link>}
      <span>
        Side {page} af {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Næste →</Link>}
    </nav>
  );
}
