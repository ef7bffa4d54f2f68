// Next.js configuration. better-sqlite3 is a native addon: it must stay out of the bundle.
import createNextIntlPlugin from "next-intl/plugin";
import withSerwistInit from "@serwist/next";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The service worker of the offline survey (lib/pwa/sw.ts → public/sw.js, built with the app).
// Registered by the survey pages themselves (register: false), and it must never reload a page
// when the network comes back (reloadOnOnline: false): that would interrupt an interview.
const withSerwist = withSerwistInit({
  swSrc: "lib/pwa/sw.ts",
  swDest: "public/sw.js",
  register: false,
  reloadOnOnline: false,
  disable: process.env.NODE_ENV === "development",
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "exceljs"],
  poweredByHeader: false,
  // Every page's <title> in the <head> of the first response, for every browser: Next.js otherwise
  // streams a slow generateMetadata into the body afterwards, which screen readers announce late
  // and which, under load, made a page fail to hydrate (React #418 on /reports in the e2e suite).
  htmlLimitedBots: /.*/,
  // Type errors and lint are checked by `npm test` (`npm run lint`, `npm run typecheck`, before the
  // build of the e2e tests), not again by every build: a release is built from a commit that passed.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // Uploads pass through middleware, which would otherwise cut bodies at 10 MB: the routes set
  // their own limits (largest: survey CSV, 50 MB) and refuse bigger bodies with 413.
  experimental: { serverActions: { bodySizeLimit: "2mb" }, authInterrupts: true, middlewareClientMaxBodySize: "60mb" },
};

export default withSerwist(withNextIntl(nextConfig));
