/**
 * POST /api/revalidate: the CMS's publish webhooks (docs/webhooks.md), verified with the Standard
 * Webhooks library over the raw body, then revalidatePath for exactly the paths the event names.
 *
 * 401: no or wrong signature, or a timestamp outside the 5-minute window. 204: done (or a repeat
 * of a delivery already handled, or an event for another site: nothing to do here).
 */
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

import { config, siteHostname } from "@/lib/config";
import { pathsToRevalidate, type PageEvent } from "@/lib/revalidation";

const TOLERANCE_MS = 5 * 60 * 1000;
/** webhook-id -> when it may be forgotten; one instance's memory (use a shared store with several). */
const handled = new Map<string, number>();

function seenBefore(id: string): boolean {
  const now = Date.now();
  for (const [key, expiry] of handled) if (expiry < now) handled.delete(key);
  if (handled.has(id)) return true;
  handled.set(id, now + 2 * TOLERANCE_MS);
  return false;
}

export async function POST(request: NextRequest) {
  const secret = process.env.CMS_WEBHOOK_SECRET;
  if (!secret) return new NextResponse("CMS_WEBHOOK_SECRET is not set", { status: 503 });
  const body = await request.text();
  let event: PageEvent;
  try {
    event = new Webhook(secret).verify(body, Object.fromEntries(request.headers)) as PageEvent;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new NextResponse(null, { status: 401 });
    throw error;
  }
  const id = request.headers.get("webhook-id") ?? "";
  const { site } = await config();
  if (seenBefore(id) || siteHostname(event.site ?? "") !== siteHostname(site)) {
    return new NextResponse(null, { status: 204 });
  }
  const paths = pathsToRevalidate(event);
  for (const { path, type } of paths) revalidatePath(path, type);
  return NextResponse.json({ revalidated: paths.map(({ path }) => path) });
}
