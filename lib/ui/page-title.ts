// Every page's own <title>, from the catalogues (titles.*), then the app's name: a screen-reader user
// and a browser tab tell pages apart by it. A page exports `generateMetadata = pageTitle("key")`,
// with the title's values taken from its route parameters when it has some.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type Values = Record<string, string | number>;

export function pageTitle<P extends Record<string, string> = Record<string, string>>(key: string, values?: (params: P) => Values) {
  return async ({ params }: { params: Promise<P> }): Promise<Metadata> => {
    const t = await getTranslations();
    const v = values ? values(await params) : {};
    return { title: `${t(`titles.${key}` as never, v as never)} — ${t("app.name")}` };
  };
}
