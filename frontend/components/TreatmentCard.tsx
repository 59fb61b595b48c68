import type { TreatmentPage } from "@clinic-cms/client";

import { pathOf } from "@/lib/format";

/** A treatment in a listing (includes/treatment_card.html): thumbnail, title, summary. */
export function TreatmentCard({ treatment, heading = "h3" }: { treatment: TreatmentPage; heading?: "h2" | "h3" }) {
  const Heading = heading;
  const thumbnail = treatment.hero_image?.renditions?.thumbnail;
  return (
    <li className="card treatment-card">
      {thumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element -- the CMS's 400x300 rendition
        <img className="card-image" src={thumbnail.url} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" />
      ) : null}
      <div className="card-body">
        <Heading className="card-title">
          <a href={pathOf(treatment.meta?.html_url)}>{treatment.title}</a>
        </Heading>
        <p>{treatment.summary}</p>
      </div>
    </li>
  );
}
