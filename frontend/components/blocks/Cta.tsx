import type { Block } from "@clinic-cms/client";

import { pathOf } from "@/lib/format";

/** Links to pages of this site stay on this front end; booking, tel: and outside URLs are kept. */
function href(link: { href: string | null }, action: string): string | undefined {
  if (!link.href) return undefined;
  return action === "page" ? pathOf(link.href) : link.href;
}

/** The clinic's call to action: the API resolves book/call to this clinic's booking URL or phone. */
export function Cta({ value }: Block<"cta">) {
  const links = value.links.filter((link) => link.href);
  return (
    <section className="cta">
      <h2>{value.heading}</h2>
      {value.text ? <p>{value.text}</p> : null}
      {links.length === 1 ? (
        <p>
          <a className="button" href={href(links[0], value.action)}>
            {links[0].label}
          </a>
        </p>
      ) : links.length > 1 ? (
        <ul className="cta-links">
          {links.map((link, index) => (
            <li key={index}>
              <a className="button" href={href(link, value.action)}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
