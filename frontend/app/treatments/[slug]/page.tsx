import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { JsonLd } from "@/components/JsonLd";
import { TreatmentArticle } from "@/components/TreatmentArticle";
import { api } from "@/lib/api";
import { metadataFrom } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await (await api()).treatment(slug);
  if (!page) return {};
  return metadataFrom(page.seo, page.title ?? slug);
}

export default async function Treatment({ params }: Props) {
  const { slug } = await params;
  const client = await api();
  const [page, clinic] = await Promise.all([client.treatment(slug), client.clinic()]);
  if (!page) notFound();
  return (
    <div className="wrap">
      <TreatmentArticle page={page} clinic={clinic} />
      <JsonLd page={page} />
    </div>
  );
}
