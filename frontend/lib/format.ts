/** Small display helpers shared by the pages (the same wording as the Django templates). */

/** "+14035550142" -> "(403) 555-0142"; other numbers as given. */
export function nationalPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

/** 16 -> "16%", 7.7 -> "7.7%", 0.25 -> "0.25%". */
export function percent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** "2026-09-26" -> "26 September 2026". */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  const name = new Date(Date.UTC(year, month - 1, day)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return `${day} ${name} ${year}`;
}

/** The path of an absolute URL (links between pages stay on this front end). */
export function pathOf(url: string | null | undefined): string {
  if (!url) return "/";
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
