import "../../cms/static/css/site.css";
import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { api } from "@/lib/api";
import { nationalPhone } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const clinic = await (await api()).clinic();
  return { title: { default: clinic?.name ?? "Clinic", template: `%s` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const clinic = await (await api()).clinic();
  return (
    <html lang="en-CA">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <a className="brand" href="/">
              <span className="brand-name">{clinic?.name ?? "Clinic"}</span>
            </a>
            <nav className="site-nav" aria-label="Main">
              <ul>
                <li>
                  <a href="/treatments/">Treatments</a>
                </li>
                <li>
                  <a href="/#visit">Visit us</a>
                </li>
                {clinic?.booking_url ? (
                  <li>
                    <a className="button button-small" href={clinic.booking_url}>
                      Book
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          {clinic ? (
            <div className="wrap footer-grid">
              <section aria-labelledby="footer-clinic">
                <h2 id="footer-clinic">{clinic.name}</h2>
                <address>
                  {clinic.street_address}
                  <br />
                  {clinic.city}, {clinic.province} {clinic.postal_code}
                </address>
              </section>
              <section aria-labelledby="footer-contact">
                <h2 id="footer-contact">Contact</h2>
                <ul className="plain">
                  {clinic.phone ? (
                    <li>
                      Phone <a href={`tel:${clinic.phone}`}>{nationalPhone(clinic.phone)}</a>
                    </li>
                  ) : null}
                  {clinic.email ? (
                    <li>
                      Email <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
                    </li>
                  ) : null}
                  <li>
                    <a href="/#hours">Opening hours</a>
                  </li>
                  {clinic.booking_url ? (
                    <li>
                      <a href={clinic.booking_url}>Book online</a>
                    </li>
                  ) : null}
                </ul>
              </section>
            </div>
          ) : null}
        </footer>
      </body>
    </html>
  );
}
