/**
 * A thin typed client for the Clinic CMS content API v2.
 *
 * Types come from the OpenAPI document (src/schema.d.ts, generated: `make client`); requests go
 * through openapi-fetch, so every path, parameter and response is checked by the compiler. One
 * client speaks for one site (a clinic's hostname, sent as `?site=`), which is how a clinic's
 * front end is scoped: it never needs the Host header.
 */
import createClient, { type Client } from "openapi-fetch";

import type { components, paths } from "./schema";

export type { components, paths } from "./schema";

type Schemas = components["schemas"];
export type TreatmentPage = Schemas["pages.treatments.TreatmentPage"];
export type ClinicHomePage = Schemas["pages.home.ClinicPage"];
export type PageItem = Schemas["pages.Item"];
export type PreviewItem = Schemas["preview.Item"];
export type Clinic = Schemas["clinic.home.ClinicPage"];
export type Tag = Schemas["tags.treatments.TreatmentTag"];
export type Seo = Schemas["Seo"];
export type Image = Schemas["Image"];
export type ImageField = Schemas["ImageField"];
export type BodyBlock = Schemas["ServedBodyBlock"][number];
export type BlockType = BodyBlock["type"];
/** The block of one type, e.g. `Block<"cta">` has `value: CTABlock`. */
export type Block<T extends BlockType> = Extract<BodyBlock, { type: T }>;
export type ClinicSummary = Schemas["ClinicSummary"];

/** A 4xx/5xx answer from the API, with its JSON `message`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`API ${status}: ${message}`);
  }
}

export interface ClinicClientOptions {
  /** Where the CMS answers, e.g. http://localhost:8000 (no trailing slash needed). */
  baseUrl: string;
  /** The site to answer for: the clinic's Wagtail Site hostname, with the port when two share it. */
  site: string;
  /** A fetch to use (e.g. one that adds Next.js cache options). Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

function fail(response: Response, error: unknown): never {
  const message =
    error && typeof error === "object" && "message" in error ? String(error.message) : "";
  throw new ApiError(response.status, message || response.statusText);
}

/** The page id in a `.../api/v2/pages/ID/...` URL (find/ answers with a redirect to it). */
export function pageIdFromDetailUrl(url: string): number | null {
  const match = /\/api\/v2\/pages\/(\d+)\//.exec(url);
  return match ? Number(match[1]) : null;
}

export function createClinicClient(options: ClinicClientOptions) {
  const { site } = options;
  const raw: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
  });

  /** One page with every field, or null when the site does not show it. */
  async function page(id: number): Promise<PageItem | null> {
    const { data, error, response } = await raw.GET("/api/v2/pages/{id}/", {
      params: { path: { id }, query: { site, fields: "*" } },
    });
    if (response.status === 404) return null;
    if (error || !data) fail(response, error);
    return data;
  }

  return {
    /** The openapi-fetch client itself, for any call the helpers below do not cover. */
    raw,
    site,

    page,

    /** The clinic's facts (address, phone, hours, booking link); null on a site with no clinic. */
    async clinic(): Promise<Clinic | null> {
      const { data, error, response } = await raw.GET("/api/v2/clinic/", {
        params: { query: { site, limit: 1 } },
      });
      if (error || !data) fail(response, error);
      return data.items[0] ?? null;
    },

    /** The site's root page (the clinic's home page), with every field. */
    async home(): Promise<PageItem | null> {
      const { data, error, response } = await raw.GET("/api/v2/pages/find/", {
        params: { query: { site, html_path: "/" } },
        redirect: "manual",
      });
      return followFind(response, error, data);
    },

    /** The page at a path of this site (`/treatments/dry-needling/`), or null. */
    async findByPath(path: string): Promise<PageItem | null> {
      const { data, error, response } = await raw.GET("/api/v2/pages/find/", {
        params: { query: { site, html_path: path } },
        redirect: "manual",
      });
      return followFind(response, error, data);
    },

    /** The treatment with this slug at this clinic, every field (body included), or null. */
    async treatment(slug: string): Promise<TreatmentPage | null> {
      const { data, error, response } = await raw.GET("/api/v2/pages/", {
        params: {
          query: { site, type: "treatments.TreatmentPage", slug, fields: "_,id", limit: 1 },
        },
      });
      if (error || !data) fail(response, error);
      const id = data.items[0]?.id;
      if (id === undefined) return null;
      const found = await page(id);
      return found && found.meta?.type === "treatments.TreatmentPage"
        ? (found as TreatmentPage)
        : null;
    },

    /** The clinic's treatments for listings: title, summary, hero image, tags, URLs. */
    async treatments(limit = 50): Promise<TreatmentPage[]> {
      const { data, error, response } = await raw.GET("/api/v2/pages/", {
        params: {
          query: {
            site,
            type: "treatments.TreatmentPage",
            fields: "summary,hero_image,tags",
            order: "title",
            limit,
          },
        },
      });
      if (error || !data) fail(response, error);
      return data.items as TreatmentPage[];
    },

    /** The site's tags with usage counts. */
    async tags(limit = 50): Promise<Tag[]> {
      const { data, error, response } = await raw.GET("/api/v2/tags/", {
        params: { query: { site, limit } },
      });
      if (error || !data) fail(response, error);
      return data.items as Tag[];
    },

    /** Full-text search over the site's pages. */
    async search(query: string, limit = 20): Promise<PageItem[]> {
      const { data, error, response } = await raw.GET("/api/v2/pages/", {
        params: { query: { site, search: query, limit, fields: "search_description" } },
      });
      if (error || !data) fail(response, error);
      return data.items;
    },

    /** The draft behind a preview token (from the editor's preview panel); null when refused. */
    async preview(token: string): Promise<PreviewItem | null> {
      const { data, error, response } = await raw.GET("/api/v2/preview/", {
        params: { query: { token } },
      });
      if (response.status === 401 || response.status === 404) return null;
      if (error || !data) fail(response, error);
      return data;
    },
  };

  async function followFind(
    response: Response,
    error: unknown,
    _data: unknown,
  ): Promise<PageItem | null> {
    if (response.status === 404) return null;
    const location = response.headers.get("location");
    const id = response.status === 302 && location ? pageIdFromDetailUrl(location) : null;
    if (id === null) fail(response, error);
    return page(id);
  }
}

export type ClinicClient = ReturnType<typeof createClinicClient>;
