import type { Block } from "@clinic-cms/client";

import { percent } from "@/lib/format";

import { CitationLine } from "./Citation";

export function Safety({ value }: Block<"safety">) {
  return (
    <section className="block-safety">
      <h2>{value.heading}</h2>
      <p>{value.intro}</p>
      <h3>{value.side_effects_heading}</h3>
      {value.side_effects_text ? <p>{value.side_effects_text}</p> : null}
      <ul className="side-effects">
        {value.side_effects.map((effect, index) => (
          <li key={index}>
            <strong>{effect.name}</strong>: <data value={effect.incidence_percent}>{percent(effect.incidence_percent)}</data> of treatments
          </li>
        ))}
      </ul>
      <CitationLine value={value.side_effects_source} />
      <h3>{value.serious_risks_heading}</h3>
      <p>{value.serious_risks}</p>
      <CitationLine value={value.serious_risks_source} />
      {value.guidance.map((item, index) => (
        <div key={index}>
          <h3>{item.title}</h3>
          <p>{item.text}</p>
        </div>
      ))}
    </section>
  );
}
