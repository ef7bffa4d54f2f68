import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { singleValue } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { LoginForm } from "@/modules/users/components/login-form";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ searchParams }) => {
  // next-auth's own sign-in route sends its callback in full (http://host/path): this host's are kept.
  const callbackUrl = safeCallbackPath(singleValue(searchParams.callbackUrl), [(await headers()).get("host")]);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
});

export const generateMetadata = pageTitle("login");
