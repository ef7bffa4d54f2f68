// The interviewer's interviews as stored on this device (IndexedDB), rendered in the browser: the
// page the service worker keeps and serves for the survey's pages when the network is gone.
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { REGIONS } from "@/db/reference-data";
import { regionName } from "@/lib/i18n/reference";
import { DeviceApp } from "@/modules/survey/device/components/device-app";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("device");

export default page(async () => {
  const user = await requireUser();
  if (!["admin", "interviewer"].includes(user.role)) forbidden();
  const locale = await getLocale();
  return <DeviceApp userId={user.id} regions={Object.fromEntries(REGIONS.map((r) => [r.code, regionName(r.code, locale)]))} />;
});
