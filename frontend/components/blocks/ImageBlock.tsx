import type { Block } from "@clinic-cms/client";

import { ResponsiveImage } from "./ResponsiveImage";

export function ImageBlock({ value }: Block<"image">) {
  if (!value.image) return null;
  return (
    <figure className="block-image">
      <ResponsiveImage image={value.image} alt={value.alt_text} />
      {value.caption ? <figcaption>{value.caption}</figcaption> : null}
    </figure>
  );
}
