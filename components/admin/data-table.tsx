import type { ReactNode } from "react";
import { Pager } from "@/components/ui/pager";

export interface Column<T> {
  /** The column's heading (a `<th scope="col">`). */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Needed when headers are not unique strings (e.g. built from data). */
  key?: string;
  /** The cell names its row for screen readers (`<th scope="row">`). */
  rowHeader?: boolean;
}

export interface PagerState {
  page: number;
  pages: number;
  href: (page: number) => string;
}

/**
 * Every admin list: a real table with a caption (shown muted, or only to screen readers with
 * `captionHidden`), one heading row, a Danish sentence when there are no rows, and the pager below.
 * With a pager on several pages the caption says which page this is. Rows are keyed by their id.
 */
export function DataTable<T extends { id: string }>({
  caption,
  captionHidden = false,
  columns,
  rows,
  empty,
  pager,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  empty: ReactNode;
  pager?: PagerState;
}) {
  const onPage = pager && pager.pages > 1 ? `, side ${pager.page} af ${pager.pages}` : "";
  return (
    <>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className={captionHidden ? "visually-hidden" : "muted"} style={captionHidden ? undefined : { textAlign: "left" }}>
              {caption}
              {onPage}
            </caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th scope="col" key={c.key ?? (typeof c.header === "string" ? c.header : i)}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((c, i) => {
                    const key = c.key ?? (typeof c.header === "string" ? c.header : i);
                    return c.rowHeader ? (
                      <th scope="row" key={key}>
                        {c.cell(row)}
                      </th>
                    ) : (
                      <td key={key}>{c.cell(row)}</td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pager && <Pager {...pager} />}
    </>
  );
}
