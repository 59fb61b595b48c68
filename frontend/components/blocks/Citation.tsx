import type { components } from "@clinic-cms/client";

type Citation = components["schemas"]["Citation"];

/** "Source: <cite>…</cite>, Journal (year)." linked to the source when it has one (citation.html). */
export function CitationLine({ value }: { value: Citation | null }) {
  if (!value || !(value.source || value.journal)) return null;
  const name = <cite>{value.source || value.journal}</cite>;
  return (
    <p className="citation">
      Source:{" "}
      {value.href ? (
        <a href={value.href} rel="noopener">
          {name}
        </a>
      ) : (
        name
      )}
      {value.source && value.journal ? `, ${value.journal}` : ""}
      {value.year ? ` (${value.year})` : ""}.
    </p>
  );
}
