/**
 * Which of this front end's routes a CMS webhook event touches. The payload names the page's
 * path on the clinic's site (docs/webhooks.md#payload); this front end mirrors those paths.
 */
export interface PageEvent {
  event: "page.published" | "page.unpublished" | "page.moved" | "page.deleted";
  page_id: number;
  type: string;
  path: string | null;
  old_path?: string | null;
  site: string;
  timestamp: string;
  delivery_id: string;
  /** What to revalidate, as the CMS computes it (docs/webhooks.md); older payloads lack it. */
  revalidate?: { scope: "paths" | "site"; paths: string[] };
}

export type Revalidation = { path: string; type?: "page" | "layout" };

export function pathsToRevalidate(event: PageEvent): Revalidation[] {
  if (event.revalidate?.scope === "site") return [{ path: "/", type: "layout" }];
  if (event.revalidate?.paths?.length) return bothSpellings(new Set(event.revalidate.paths));
  if (event.type === "home.ClinicPage") {
    // The clinic's facts are in the layout of every page: refresh them all.
    return [{ path: "/", type: "layout" }];
  }
  const paths = new Set<string>();
  for (const path of [event.path, event.old_path]) if (path) paths.add(path);
  if (event.type === "treatments.TreatmentPage") {
    // Treatments are listed on the home page and the treatments index.
    paths.add("/");
    paths.add("/treatments/");
  }
  return bothSpellings(paths);
}

/** Wagtail's paths end in "/"; Next may key a route either way: revalidate both spellings. */
function bothSpellings(paths: Set<string>): Revalidation[] {
  const spellings = new Set<string>();
  for (const path of paths) {
    spellings.add(path);
    if (path.length > 1) spellings.add(path.endsWith("/") ? path.slice(0, -1) : `${path}/`);
  }
  return [...spellings].map((path) => ({ path }));
}
