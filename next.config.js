// Next.js configuration. better-sqlite3 is a native addon: it must stay out of the bundle.
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "exceljs"],
  poweredByHeader: false,
  // Type errors and lint are checked by `npm run typecheck`, not during every build.
  eslint: { ignoreDuringBuilds: true },
  experimental: { serverActions: { bodySizeLimit: "2mb" }, authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
