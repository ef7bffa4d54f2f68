import { describe, expect, it } from "vitest";
import { COUNTRIES, REGIONS } from "./reference-data";

describe("reference data", () => {
  it("has the 46 member states and 3 observers, with unique ISO codes", () => {
    expect(COUNTRIES.filter((c) => c.membership === "member")).toHaveLength(46);
    expect(COUNTRIES.filter((c) => c.membership === "observer").map((c) => c.code)).toEqual(["IL", "MA", "KZ"]);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(49);
    expect(new Set(COUNTRIES.map((c) => c.iso3)).size).toBe(49);
    expect(COUNTRIES.find((c) => c.code === "RU")).toBeUndefined();
  });
  it("has the 20 regions of the survey spec", () => {
    expect(REGIONS).toHaveLength(20);
    expect(REGIONS.find((r) => r.code === "AST")?.name).toBe("Astana city");
  });
});
