/**
 * GET /api/preview?token=...&site=...: where Wagtail's preview panel ("<clinic> front end" mode)
 * sends the editor. Checks the signed token against the CMS, turns on Next's draft mode (no cached
 * data while previewing) and shows the draft at /preview. The token is the only key: an invalid or
 * expired one is a 401 here, and the preview API says the same.
 */
import { draftMode } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";

import { uncachedApi } from "@/lib/api";
import { config } from "@/lib/config";
import { sameSite } from "@/lib/sites";

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token");
  const site = request.nextUrl.searchParams.get("site");
  if (!token) return new NextResponse("token is required", { status: 400 });
  const settings = await config();
  if (site && !sameSite(site, settings.site)) {
    return new NextResponse(`this front end serves ${settings.site}, not ${site}`, { status: 400 });
  }
  const draft = await (await uncachedApi()).preview(token);
  if (!draft) {
    return new NextResponse("invalid or expired preview token: open the preview again from the editor", {
      status: 401,
    });
  }
  (await draftMode()).enable();
  const target = new URL("/preview", request.nextUrl);
  target.search = new URLSearchParams({ token }).toString();
  return NextResponse.redirect(target, 307);
}
