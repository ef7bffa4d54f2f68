// Titles with a choice in them read right in every language.
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import kk from "@/messages/kk.json";
import ru from "@/messages/ru.json";

describe("the chapter page's title", () => {
  for (const [locale, messages] of Object.entries({ en, ru, kk, fr })) {
    it(`${locale}: the whole questionnaire is not "chapter all"; a chapter has its number`, () => {
      const title = (chapter: string) => String(new IntlMessageFormat(messages.titles.chapter, locale).format({ chapter, country: "KZ", cycle: "2022-2024" }));
      expect(title("all")).not.toMatch(/all/);
      expect(title("all")).toMatch(/ · KZ · 2022-2024$/);
      expect(title("3")).toMatch(/ 3 · KZ · 2022-2024$/);
    });
  }
});
