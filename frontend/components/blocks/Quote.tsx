import type { Block } from "@clinic-cms/client";

/** attribution_line is resolved by the API for this clinic ("Patients at …"). */
export function Quote({ value }: Block<"quote">) {
  return (
    <figure className="block-quote">
      <blockquote>
        <p>{value.text}</p>
      </blockquote>
      {value.attribution_line ? <figcaption>— {value.attribution_line}</figcaption> : null}
    </figure>
  );
}
