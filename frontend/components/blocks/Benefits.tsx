import type { Block } from "@clinic-cms/client";

export function Benefits({ value }: Block<"benefits">) {
  return (
    <section className="block-benefits">
      <h2>{value.heading}</h2>
      {value.intro ? <p>{value.intro}</p> : null}
      <ul className="card-list">
        {value.items.map((item, index) => (
          <li className="card" key={index} data-icon={item.icon || undefined}>
            <h3>{item.title}</h3>
            <p>{item.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
