import type { Block } from "@clinic-cms/client";

/** A clinic's local block (its variation of the treatment): fee, length, billing, insurers. */
export function PriceCoverage({ value }: Block<"price">) {
  return (
    <section className="block-price">
      <h2>Price and coverage</h2>
      <dl>
        <dt>Fee</dt>
        <dd>
          {value.fee === null ? "Ask the clinic" : `${value.fee.toFixed(2)} ${value.currency}`}
          {value.duration_minutes ? ` · ${value.duration_minutes} minutes` : null}
        </dd>
        <dt>Direct billing</dt>
        <dd>{value.direct_billing ? "Yes" : "No"}</dd>
        {value.insurers.length ? (
          <>
            <dt>Accepted insurers</dt>
            <dd>{value.insurers.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {value.note ? <p>{value.note}</p> : null}
    </section>
  );
}
