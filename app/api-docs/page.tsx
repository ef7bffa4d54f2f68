// The API's description for people: how to authenticate, then every operation (Swagger UI over
// GET /api/openapi.json). Public, like the document: it describes, it holds no data.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { ApiDocsViewer } from "@/lib/ui/api-docs-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("apiDocs.title")} — ${t("app.name")}` };
}

export default page(async () => {
  const t = await getTranslations("apiDocs");
  return (
    <div data-testid="api-docs">
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <p>
        <a href="/account/tokens">{t("tokensLink")}</a> · <a href="/api/openapi.json">{t("documentLink")}</a>
      </p>
      <ApiDocsViewer url="/api/openapi.json" serversLabel={t("servers")} />
    </div>
  );
});
