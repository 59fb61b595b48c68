/** @type {import('next').NextConfig} */
const nextConfig = {
  // The typed client is TypeScript source in the same npm workspace (clients/typescript).
  transpilePackages: ["@clinic-cms/client"],
  poweredByHeader: false,
  // Paths as Wagtail writes them (/treatments/dry-needling/), so webhook paths and links match.
  trailingSlash: true,
  reactStrictMode: true,
  // Metadata (title, description, canonical, og:*) in the <head> for every client, not streamed
  // into the body for browsers (Next 15's default outside a list of bots): SEO tools and link
  // previews that are not on that list read the head.
  htmlLimitedBots: /.*/,
  // The CMS's renditions are the images (with their srcset); Next's optimiser is not needed.
  images: { unoptimized: true },
  // Wagtail's preview panel shows the preview route in an iframe (another origin): let it.
  async headers() {
    // Evaluated at build time (Next bakes headers into the build): the admin is the same for every clinic.
    const admins = (process.env.CMS_ADMIN_ORIGIN || new URL(process.env.CMS_API_URL || "http://localhost:8000").origin)
      .split(/[\s,]+/)
      .filter(Boolean);
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: `frame-ancestors 'self' ${admins.join(" ")}` },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
