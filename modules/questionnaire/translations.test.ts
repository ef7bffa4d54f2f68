import { describe, expect, it } from "vitest";
import { missingTranslations } from "./translations";

describe("missingTranslations", () => {
  it("finds localized texts at any depth that lack a language", () => {
    const definition = {
      title: { en: "T", ru: "Т" },
      parts: [{ questions: [{ label: { en: "Q", ru: "В", kk: " " }, options: [{ label: { en: "a", ru: "а", kk: "а" } }] }] }],
    };
    expect(missingTranslations(definition, ["ru", "kk"])).toEqual(["$.title.kk", "$.parts[0].questions[0].label.kk"]);
  });
});
