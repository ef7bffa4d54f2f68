// Form 1-M is filed in Kazakh or Russian: every text of the definition exists in both.
import { describe, expect, it } from "vitest";
import form1m from "./definitions/form-1m.json";
import { missingTranslations } from "@/modules/questionnaire/translations";

describe("form 1-M definition", () => {
  it("has every text in ru and kk", () => {
    expect(missingTranslations(form1m, ["ru", "kk"])).toEqual([]);
  });
});
