// (In testing/: it reads the features' lists, which lib/ may not import.) The reference names in ru/kk cover what the database holds: every region, every report form
// (with the English title the code has, else the page would fall back), the seeded bodies.
import { describe, expect, it } from "vitest";
import { REGIONS } from "@/db/reference-data";
import { REPORT_FORMS } from "@/modules/reporting/forms";
import { ELECTRONIC_COLLECTIONS, RECIPIENTS } from "@/modules/reporting/collections";
import { HOLIDAY_RULES } from "@/modules/reporting/calendar";
import en from "@/messages/en.json";
import { countryName, regionName, reportFormTitle, reportingBodyName } from "@/lib/i18n/reference";

describe("reference names", () => {
  it("every region in ru and kk, English as stored", () => {
    for (const r of REGIONS) {
      expect(regionName(r.code, "en")).toBe(r.name);
      for (const lang of ["ru", "kk"]) expect(regionName(r.code, lang), `${r.code} ${lang}`).not.toBe(r.name);
    }
    expect(regionName("AST", "kk")).toBe("Астана қаласы");
    expect(regionName("AST", "fr")).toBe("Astana city");
    expect(regionName("XXX", "ru")).toBe("XXX");
  });
  it("every report form's title in ru and kk, for the title the code has", () => {
    for (const f of REPORT_FORMS) {
      expect(reportFormTitle(f.number, f.title, "en")).toBe(f.title);
      for (const lang of ["ru", "kk"]) expect(reportFormTitle(f.number, f.title, lang), `form ${f.number} ${lang}`).not.toBe(f.title);
    }
    expect(reportFormTitle(1, "On registered criminal offenses", "ru")).toBe("О зарегистрированных уголовных правонарушениях");
    expect(reportFormTitle(1, "A title changed since", "ru")).toBe("A title changed since");
  });
  it("the seeded bodies by their English name; any other keeps its own", () => {
    for (const r of REGIONS) expect(reportingBodyName(`Police Department of ${r.name}`, "kk")).toMatch(/Полиция департаменті$/);
    expect(reportingBodyName("Police Department of Astana city", "ru")).toBe("Департамент полиции города Астаны");
    expect(reportingBodyName("Some other body", "ru")).toBe("Some other body");
  });
  it("countries: CEPEJ's English, CLDR's names otherwise", () => {
    expect(countryName("TR", "Türkiye", "en")).toBe("Türkiye");
    expect(countryName("KZ", "Kazakhstan", "kk")).toBe("Қазақстан");
    expect(countryName("FR", "France", "ru")).toBe("Франция");
  });
  it("the catalogues name the collections, their recipients and the holidays as the code does in English", () => {
    for (const c of ELECTRONIC_COLLECTIONS) expect((en.collections.titles as Record<string, string>)[c.number]).toBe(c.title);
    for (const [id, name] of Object.entries(RECIPIENTS)) expect((en.collections.recipientNames as Record<string, string>)[id]).toBe(name);
    for (const h of HOLIDAY_RULES) expect((en.calendar.holidays as Record<string, string>)[h.key!]).toBe(h.name);
  });
});

describe("the shipped cross-source notes", () => {
  it("each offence not compared and each CEPEJ mapping has its note in every catalogue, the English one as shipped", async () => {
    const offences = (await import("@/modules/analysis/offence-mappings.json")).default as { notMapped: Record<string, string> };
    const { CEPEJ_NATIONAL_MAPPINGS } = await import("@/modules/analysis/cepej-national");
    for (const lang of ["en", "ru", "kk", "fr"]) {
      const m = (await import(`@/messages/${lang}.json`)).default.analysis.mappings as {
        notMappedNotes: Record<string, string>;
        cepejNotes: Record<string, string>;
      };
      for (const [k, note] of Object.entries(offences.notMapped)) {
        expect(m.notMappedNotes[k], `${lang} ${k}`).toBeTruthy();
        if (lang === "en") expect(m.notMappedNotes[k]).toBe(note);
        else expect(m.notMappedNotes[k]).not.toBe(note);
      }
      for (const c of CEPEJ_NATIONAL_MAPPINGS) {
        const key = c.cell.replace(/:/g, "_");
        expect(m.cepejNotes[key], `${lang} ${c.cell}`).toBeTruthy();
        if (lang === "en") expect(m.cepejNotes[key]).toBe(c.note);
        else expect(m.cepejNotes[key]).not.toBe(c.note);
      }
    }
    expect(en.analysis.mappings.cepejNotes).toBeDefined();
  });
});
