import type { Block } from "@clinic-cms/client";

export function Steps({ value }: Block<"steps">) {
  return (
    <section className="block-steps">
      <h2>{value.heading}</h2>
      {value.intro ? <p>{value.intro}</p> : null}
      <ol className="steps">
        {value.items.map((item, index) => (
          <li key={index}>
            <h3>{item.title}</h3>
            <p>{item.description}</p>
          </li>
        ))}
      </ol>
      {value.outro ? <p>{value.outro}</p> : null}
    </section>
  );
}
