/**
 * The page's head from the API's `seo` object, so the front end publishes the same title,
 * description, canonical URL, robots rule and share image (absolute, from the API) as the
 * Wagtail-rendered page.
 */
import type { Seo } from "@clinic-cms/client";
import type { Metadata } from "next";

export function metadataFrom(seo: Seo | undefined, fallbackTitle: string): Metadata {
  if (!seo) return { title: fallbackTitle };
  const images = seo.image
    ? [{ url: seo.image.url, width: seo.image.width, height: seo.image.height, alt: seo.image.alt }]
    : undefined;
  const [index = "index", follow = "follow"] = seo.robots.split(",").map((part) => part.trim());
  return {
    title: seo.title || fallbackTitle,
    description: seo.description || undefined,
    alternates: seo.canonical ? { canonical: seo.canonical } : undefined,
    robots: { index: index !== "noindex", follow: follow !== "nofollow" },
    openGraph: {
      title: seo.title || fallbackTitle,
      description: seo.description || undefined,
      url: seo.canonical || undefined,
      siteName: seo.site_name || undefined,
      type: seo.og_type === "article" ? "article" : "website",
      images,
    },
    twitter: {
      card: seo.twitter_card,
      title: seo.title || fallbackTitle,
      description: seo.description || undefined,
      images: seo.image ? [{ url: seo.image.url, alt: seo.image.alt }] : undefined,
    },
  };
}
