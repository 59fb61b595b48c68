import type { Clinic, TreatmentPage } from "@clinic-cms/client";

import { longDate } from "@/lib/format";

import { ResponsiveImage } from "./blocks/ResponsiveImage";
import { StreamField } from "./StreamField";

/** A treatment, as treatments/templates/treatments/treatment_page.html lays it out. */
export function TreatmentArticle({ page, clinic }: { page: TreatmentPage; clinic: Clinic | null }) {
  const reviewed = page.review_status === "reviewed" && page.reviewed_on;
  return (
    <article className="treatment-article">
      <header className="treatment-head">
        <nav className="eyebrow" aria-label="Breadcrumb">
          <a href="/">Home</a> <span aria-hidden="true">›</span> <a href="/treatments/">Treatments</a>
        </nav>
        <h1>{page.title}</h1>
        <p className="lead">{page.summary}</p>
        {clinic ? (
          <p className="meta">
            Offered at <a href="/">{clinic.name}</a> · <a href={clinic.booking_url}>Book online</a>
          </p>
        ) : null}
        {page.hero_image ? (
          <div className="hero">
            <ResponsiveImage image={page.hero_image} alt="" eager />
          </div>
        ) : null}
      </header>
      <div className="prose">
        <StreamField blocks={page.body ?? []} />
      </div>
      <footer className="treatment-foot">
        {reviewed ? (
          <p className="review-stamp">
            Clinically reviewed by {page.reviewer_name}
            {page.reviewer_credentials ? `, ${page.reviewer_credentials}` : ""}, on{" "}
            <time dateTime={page.reviewed_on ?? undefined}>{longDate(page.reviewed_on!)}</time>.
          </p>
        ) : null}
        {page.tags?.length ? (
          <>
            <h2 className="tags-heading">Related topics</h2>
            <ul className="tags">
              {page.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          </>
        ) : null}
      </footer>
    </article>
  );
}
