import type { Metadata } from "next";

import { TreatmentCard } from "@/components/TreatmentCard";
import { api } from "@/lib/api";
import { metadataFrom } from "@/lib/seo";

/** The treatments index page's own head from the API (title, description, canonical, image). */
export async function generateMetadata(): Promise<Metadata> {
  const client = await api();
  const [index, clinic] = await Promise.all([client.findByPath("/treatments/"), client.clinic()]);
  const fallback = `Treatments at ${clinic?.name ?? "the clinic"}`;
  return metadataFrom(index && "seo" in index ? index.seo : undefined, fallback);
}

/** Every treatment the clinic offers, as cards. */
export default async function Treatments() {
  const client = await api();
  const [clinic, treatments] = await Promise.all([client.clinic(), client.treatments()]);
  return (
    <div className="wrap">
      <h1>Treatments{clinic ? ` at ${clinic.name}` : ""}</h1>
      {treatments.length ? (
        <ul className="card-grid">
          {treatments.map((treatment) => (
            <TreatmentCard key={treatment.id} treatment={treatment} heading="h2" />
          ))}
        </ul>
      ) : (
        <p>Call us to hear which treatments we offer.</p>
      )}
    </div>
  );
}
