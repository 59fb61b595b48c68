/**
 * The page's JSON-LD graph, as the API gives it, in a <script type="application/ld+json">.
 *
 * GAP (issue 17): the API's JSON-LD (`meta.jsonld` on a page's detail, the graph its HTML embeds)
 * is not in the OpenAPI document yet. Until it is, this reads it untyped and renders nothing when
 * it is absent; then regenerate the client (`make client`) and type this.
 */
type WithJsonLd = { meta?: { jsonld?: unknown } };

export function jsonLdOf(page: unknown): unknown {
  return (page as WithJsonLd | null)?.meta?.jsonld ?? null;
}

/** JSON with "<" escaped, so no value can close the script element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export function JsonLd({ page }: { page: unknown }) {
  const data = jsonLdOf(page);
  if (!data) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />;
}
