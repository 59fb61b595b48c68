import type { Image } from "@clinic-cms/client";

/** The sizes the Django templates give the same srcset (treatment_page.html, image.html). */
export const SIZES = "(min-width: 62rem) 60rem, 100vw";

/** An <img> from the API's renditions and ready srcset (small, medium, large). */
export function ResponsiveImage({
  image,
  alt,
  eager = false,
}: {
  image: Partial<Pick<Image, "renditions" | "srcset">>;
  alt: string;
  eager?: boolean;
}) {
  const fallback = image.renditions?.medium ?? image.renditions?.large;
  if (!fallback) return null; // the file is missing: the API gives no rendition
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the CMS's renditions are the optimised images
    <img
      src={fallback.url}
      srcSet={image.srcset || undefined}
      sizes={SIZES}
      width={fallback.width}
      height={fallback.height}
      alt={alt}
      loading={eager ? "eager" : "lazy"}
      fetchPriority={eager ? "high" : undefined}
      decoding="async"
    />
  );
}
