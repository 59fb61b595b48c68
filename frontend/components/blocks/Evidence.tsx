import type { Block } from "@clinic-cms/client";

import { CitationLine } from "./Citation";

export function Evidence({ value }: Block<"evidence">) {
  return (
    <section className="block-evidence">
      <h2>{value.claim}</h2>
      <p>{value.summary}</p>
      <CitationLine value={value.citation} />
    </section>
  );
}
