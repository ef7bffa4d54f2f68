// The household questionnaire is asked in Kazakh or Russian (the respondent's choice): every text
// of the instrument exists in both, besides English.
import { describe, expect, it } from "vitest";
import udn from "./udn-definition.json";
import { missingTranslations } from "@/modules/questionnaire/translations";

describe("UDN definition", () => {
  it("has every text in ru and kk", () => {
    const missing = missingTranslations(udn, ["ru", "kk"]);
    expect(missing).toEqual([]);
  });
});
