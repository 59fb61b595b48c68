import type { Block } from "@clinic-cms/client";

import { RichText } from "./RichText";

export function Faq({ value }: Block<"faq">) {
  return (
    <section className="block-faq">
      <h2>{value.heading}</h2>
      {value.items.map((item, index) => (
        <details key={index}>
          <summary>{item.question}</summary>
          <RichText html={item.answer} />
        </details>
      ))}
    </section>
  );
}
