import type { Metadata } from "next";

import { TreatmentArticle } from "@/components/TreatmentArticle";
import type { TreatmentPage } from "@clinic-cms/client";
import { uncachedApi } from "@/lib/api";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string }> };

/** The draft behind a preview token, rendered as the live page would be (never cached). */
export default async function Preview({ searchParams }: Props) {
  const { token } = await searchParams;
  const client = await uncachedApi();
  const [draft, clinic] = await Promise.all([token ? client.preview(token) : null, client.clinic()]);
  if (!draft) {
    return (
      <div className="wrap not-found">
        <h1>Preview unavailable</h1>
        <p className="lead">This preview link is invalid or has expired: open the preview again from the editor.</p>
      </div>
    );
  }
  return (
    <>
      <div className="preview-banner" role="status">
        <div className="wrap">
          <p>Preview of an unpublished draft: only you can see this.</p>
        </div>
      </div>
      <div className="wrap">
        {draft.meta?.type === "treatments.TreatmentPage" ? (
          <TreatmentArticle page={draft as TreatmentPage} clinic={clinic} />
        ) : (
          <article>
            <h1>{draft.title}</h1>
            <p className="lead">The reference front end previews treatment pages; this page type shows its title only.</p>
          </article>
        )}
      </div>
    </>
  );
}
