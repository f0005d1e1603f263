import { Options, optionsOf } from "./options";

/** A list's search box and status filter, submitted as a plain GET form (works without JavaScript). */
export function SearchForm({ label, query, status, statuses }: { label: string; query: string; status?: string; statuses: Record<string, string> }) {
  return (
    <form className="inline-form" role="search" method="get">
      <div className="field">
        <label htmlFor="q">{label}</label>
        <input id="q" name="q" type="text" defaultValue={query} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <Options empty="Alle" options={optionsOf(statuses)} />
        </select>
      </div>
      <button className="button" type="submit">
        Vis
      </button>
    </form>
  );
}
