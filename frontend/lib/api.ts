/**
 * The typed client (clients/typescript) for this clinic, with Next.js's data cache:
 * API answers are cached (for REVALIDATE_SECONDS, tagged by page) until the publish webhook
 * (app/api/revalidate) revalidates the paths it names; previews always fetch fresh.
 */
import { createClinicClient, type ClinicClient } from "@clinic-cms/client";
import { draftMode } from "next/headers";

import { config } from "./config";

export async function api(): Promise<ClinicClient> {
  const { apiUrl, site, revalidateSeconds } = await config();
  const draft = (await draftMode()).isEnabled;
  return createClinicClient({
    baseUrl: apiUrl,
    site,
    fetch: (request: Request) =>
      draft
        ? fetch(request, { cache: "no-store" })
        : fetch(request, { cache: "force-cache", next: { revalidate: revalidateSeconds, tags: ["cms"] } }),
  });
}

/** A client that never caches (preview drafts). */
export async function uncachedApi(): Promise<ClinicClient> {
  const { apiUrl, site } = await config();
  return createClinicClient({
    baseUrl: apiUrl,
    site,
    fetch: (request: Request) => fetch(request, { cache: "no-store" }),
  });
}
