// The warning on every page of a server running with the demo data (DEMO_DATA=1): its accounts
// share a published password, so nothing real must be entered there. A server component: the
// environment is read per request on the server, never shipped to the browser.
import { getTranslations } from "next-intl/server";
import { demoDataEnabled } from "@/lib/demo";

export async function DemoBanner() {
  if (!demoDataEnabled()) return null;
  const t = await getTranslations("app");
  return (
    <div role="note" data-testid="demo-banner" className="demo-banner">
      {t("demoBanner")}
    </div>
  );
}
