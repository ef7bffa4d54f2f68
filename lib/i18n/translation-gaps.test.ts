import { describe, expect, it } from "vitest";
import { catalogueGaps, referenceGaps } from "./translation-gaps";

describe("translation gaps", () => {
  it("names the keys a catalogue lacks or leaves empty, and the texts it words as English", () => {
    const en = { a: { title: "Reports", count: "{count} items" }, sign: "—", code: "NA", greet: "Hello {name}" };
    const ru = { a: { title: "Отчеты", count: "" }, sign: "—", code: "NA", greet: "Hello {name}" };
    expect(catalogueGaps(en, ru)).toEqual({ missing: ["a.count"], sameAsEnglish: [{ key: "greet", text: "Hello {name}" }] });
  });

  it("finds no reference name missing in Russian or Kazakh, and every one in a language the files do not have", () => {
    expect(referenceGaps("ru")).toEqual([]);
    expect(referenceGaps("kk")).toEqual([]);
    expect(referenceGaps("fr").length).toBeGreaterThan(40);
  });
});
