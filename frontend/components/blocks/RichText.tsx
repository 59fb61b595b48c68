/**
 * Rich text as the API's ready HTML (WAGTAILAPI_RICH_TEXT_FORMAT = "html"): Wagtail has already
 * sanitised it to the editor's allowed features, and its internal links are paths on this clinic.
 */
export function RichText({ html }: { html: string }) {
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
