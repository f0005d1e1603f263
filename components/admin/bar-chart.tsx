/**
 * A horizontal bar chart of counts as an HTML list: readable by screen readers as "label: n svar",
 * printable, and with no script or inline SVG to keep the CSP simple.
 */
export function BarChart({ caption, bars }: { caption: string; bars: Array<{ label: string; count: number }> }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure className="bar-chart">
      <figcaption>{caption}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label}>
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${(b.count / max) * 100}%` }} />
            </span>
            <span className="bar-count">
              {b.count} <span className="visually-hidden">{b.count === 1 ? "svar" : "svar"}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
