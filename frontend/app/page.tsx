import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { JsonLd } from "@/components/JsonLd";
import { TreatmentCard } from "@/components/TreatmentCard";
import { api } from "@/lib/api";
import { nationalPhone } from "@/lib/format";
import { metadataFrom } from "@/lib/seo";

export async function generateMetadata(): Promise<Metadata> {
  const home = await (await api()).home();
  return metadataFrom(home && "seo" in home ? home.seo : undefined, home?.title ?? "Clinic");
}

/** The clinic's home: the same facts in the same order as home/templates/home/clinic_page.html. */
export default async function ClinicHome() {
  const client = await api();
  const [clinic, home, treatments] = await Promise.all([client.clinic(), client.home(), client.treatments()]);
  if (!clinic) notFound();
  const phone = clinic.phone ?? "";
  const directions = `https://www.google.com/maps/dir/?api=1&destination=${clinic.latitude},${clinic.longitude}`;
  return (
    <>
      <section className="hero-band" aria-labelledby="page-title">
        <div className="wrap hero-inner">
          <div className="hero-panel">
            <h1 id="page-title">{clinic.name}</h1>
            <p className="lead">
              Physiotherapy in {clinic.city}: {clinic.street_address}.
            </p>
            <p className="actions">
              <a className="button" href={clinic.booking_url}>
                Book an appointment
              </a>{" "}
              <a className="button button-quiet" href={`tel:${phone}`}>
                Call {nationalPhone(phone)}
              </a>
            </p>
          </div>
        </div>
      </section>
      <div className="wrap">
        <div className="visit-grid" id="visit">
          <section aria-labelledby="visit-heading" className="clinic-facts panel">
            <h2 id="visit-heading">Visit us</h2>
            <address>
              {clinic.street_address}
              <br />
              {clinic.city}, {clinic.province} {clinic.postal_code}
            </address>
            <p>
              <a href={directions}>Get directions</a>
            </p>
            <dl className="contact">
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${phone}`}>{nationalPhone(phone)}</a>
              </dd>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
              </dd>
            </dl>
            <p>
              <a className="button" href={clinic.booking_url}>
                Book online<span className="visually-hidden"> at {clinic.name}</span>
              </a>
            </p>
          </section>
          <section aria-labelledby="hours-heading" id="hours" className="panel">
            <h2 id="hours-heading">Opening hours</h2>
            {clinic.opening_hours?.length ? (
              <table className="hours">
                <caption className="visually-hidden">Opening hours at {clinic.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Hours</th>
                  </tr>
                </thead>
                <tbody>
                  {clinic.opening_hours.map((row) => (
                    <tr key={row.day}>
                      <th scope="row">{row.day_name}</th>
                      <td>
                        {row.closed ? (
                          "Closed"
                        ) : (
                          <>
                            <time>{row.opens}</time>–<time>{row.closes}</time>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Call us for our opening hours.</p>
            )}
          </section>
        </div>
        <section aria-labelledby="treatments-heading">
          <div className="section-head">
            <h2 id="treatments-heading">Treatments at {clinic.name}</h2>
            {treatments.length ? (
              <p>
                <a href="/treatments/">All our treatments</a>
              </p>
            ) : null}
          </div>
          {treatments.length ? (
            <ul className="card-grid">
              {treatments.map((treatment) => (
                <TreatmentCard key={treatment.id} treatment={treatment} />
              ))}
            </ul>
          ) : (
            <p>Call us to hear which treatments we offer.</p>
          )}
        </section>
      </div>
      <JsonLd page={home} />
    </>
  );
}
