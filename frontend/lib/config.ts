/**
 * The deployment's configuration, read at request time, so one build serves any clinic:
 * the same image deployed with another CLINIC_SITE is another clinic's front end.
 */
import { connection } from "next/server";

export interface Config {
  /** Where the CMS answers (server side), e.g. http://localhost:8000. */
  apiUrl: string;
  /** The clinic's Wagtail Site, HOSTNAME[:PORT], sent to the API as ?site=. */
  site: string;
  /** Seconds a cached API answer may be served before it is fetched again (webhooks purge sooner). */
  revalidateSeconds: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const site = env.CLINIC_SITE;
  if (!site) throw new Error("CLINIC_SITE is not set: the clinic's site hostname, e.g. northeast.localhost:8000");
  return {
    apiUrl: (env.CMS_API_URL || "http://localhost:8000").replace(/\/+$/, ""),
    site,
    revalidateSeconds: Number(env.REVALIDATE_SECONDS || 3600),
  };
}

/** The configuration for this request (marks the render as dynamic: read at run time, not build time). */
export async function config(): Promise<Config> {
  await connection();
  return readConfig();
}

/** The hostname part of CLINIC_SITE, as webhook payloads name the site. */
export function siteHostname(site: string): string {
  return site.split(":")[0].toLowerCase();
}
