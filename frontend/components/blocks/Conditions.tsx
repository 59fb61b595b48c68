import type { Block } from "@clinic-cms/client";

/** Tags are shown by name: this front end has no tag pages (the CMS's HTML does). */
export function Conditions({ value }: Block<"conditions">) {
  return (
    <section className="block-conditions">
      <h2>{value.heading}</h2>
      {value.intro ? <p>{value.intro}</p> : null}
      <ul className="card-list">
        {value.items.map((item, index) => (
          <li className="card" key={index}>
            <h3>{item.name}</h3>
            <p>{item.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
