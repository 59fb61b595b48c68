import type { Block } from "@clinic-cms/client";

import { RichText } from "./RichText";

export function Section({ value }: Block<"section">) {
  return (
    <section className="block-section">
      <h2>{value.heading}</h2>
      <RichText html={value.body} />
    </section>
  );
}
