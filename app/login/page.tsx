import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { LoginForm } from "@/modules/users/components/login-form";

export default page(async ({ searchParams }) => {
  const { callbackUrl } = searchParams;
  if (await currentUser()) redirect("/");
  const t = await getTranslations("login");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/"} />
    </div>
  );
});
