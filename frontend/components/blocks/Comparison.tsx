import type { Block } from "@clinic-cms/client";

export function Comparison({ value }: Block<"comparison">) {
  const label = `${value.left_label} compared with ${value.right_label}`;
  return (
    <section className="block-comparison">
      <h2>{value.heading}</h2>
      {value.intro ? <p>{value.intro}</p> : null}
      <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Aspect</th>
              <th scope="col">{value.left_label}</th>
              <th scope="col">{value.right_label}</th>
            </tr>
          </thead>
          <tbody>
            {value.rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{row.aspect}</th>
                <td>{row.left}</td>
                <td>{row.right}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
