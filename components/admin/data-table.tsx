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

/** Rows with an `id` are keyed by it; others say how (`rowKey`). */
type RowKey<T> = T extends { id: string } ? { rowKey?: (row: T) => string } : { rowKey: (row: T) => string };

/**
 * Every admin list: a real table with a caption (shown muted, or only to screen readers with
 * `captionHidden`), one heading row, a Danish sentence when there are no rows, and the pager below.
 * With a pager on several pages the caption says which page this is.
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  empty,
  pager,
  rowKey = (row) => (row as { id: string }).id,
  rowTestId,
  testId,
}: {
  /** Left out only where the section's own heading names the table. */
  caption?: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  /** Left out only where the page never shows the table without rows. */
  empty?: ReactNode;
  pager?: PagerState;
  /** A `data-testid` on each row, for the end-to-end tests. */
  rowTestId?: (row: T) => string;
  /** A `data-testid` on the table. */
  testId?: string;
} & RowKey<T>) {
  const onPage = pager && pager.pages > 1 ? `, side ${pager.page} af ${pager.pages}` : "";
  return (
    <>
      {rows.length === 0 ? (
        empty !== undefined && <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid={testId}>
            {caption !== undefined && (
              <caption className={captionHidden ? "visually-hidden" : "muted"} style={captionHidden ? undefined : { textAlign: "left" }}>
                {caption}
                {onPage}
              </caption>
            )}
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
                <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
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
