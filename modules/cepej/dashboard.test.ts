// The dashboard's figures: values from the indicators, the reason of every missing one (NA, NAP,
// not retained, not answered), the correspondent's comment, across countries and cycles.
import { describe, expect, it } from "vitest";
import type { Answer } from "@/modules/questionnaire/answers";
import kz from "../../seed/cepej/kz-2020-2022.json";
import { DASHBOARD_INDICATORS, dashboardIndicators } from "./dashboard";

const KZ = new Map(Object.entries(kz.answers as Record<string, Answer>));
const n = (num: number): Answer => ({ num, text: null, status: null });
const status = (s: "NA" | "NAP"): Answer => ({ num: null, text: null, status: s });
const none = new Set<string>();

describe("dashboard indicators", () => {
  it("compares countries and cycles, says why a figure is missing and carries the comment", () => {
    const fr = new Map<string, Answer>([
      ["001", n(68_000_000)],
      ["046:total:total", status("NA")],
      ["055:total:total", n(2_000)],
      ["055#comment", { num: null, text: "Prosecutors of the Court of cassation included.", status: null }],
      ["146:number_of_lawyers:total", status("NAP")],
    ]);
    const next = new Map<string, Answer>([...KZ, ["046:total:total", n(2_500)]]);
    const list = dashboardIndicators([
      { cycle: "2020-2022", country: "KZ", read: (k) => KZ.get(k), withheld: none },
      { cycle: "2022-2024", country: "KZ", read: (k) => next.get(k), withheld: new Set(["052:total:total"]) },
      { cycle: "2022-2024", country: "FR", read: (k) => fr.get(k), withheld: none },
    ]);
    expect(list.map((i) => i.id)).toEqual(DASHBOARD_INDICATORS);
    const judges = list.find((i) => i.id === "judges-per-100k")!;
    expect(judges.unit).toBe("per 100 000 inhabitants");
    expect(judges.figures.KZ["2020-2022"]).toMatchObject({ value: 12.68, missing: null });
    // 2 500 ÷ 18 879 552 × 100 000 = 13.2418…
    expect(judges.figures.KZ["2022-2024"].value).toBe(13.24);
    expect(judges.figures.FR["2022-2024"]).toMatchObject({ value: null, missing: "NA" });
    expect(list.find((i) => i.id === "lawyers-per-100k")!.figures.FR["2022-2024"].missing).toBe("NAP");
    const staff = list.find((i) => i.id === "non-judge-staff-per-100k")!;
    expect(staff.figures.KZ["2020-2022"].value).toBe(41.26);
    expect(staff.figures.KZ["2022-2024"]).toMatchObject({ value: null, missing: "notRetained" });
    expect(list.find((i) => i.id === "court-budget-per-inhabitant")!.figures.FR["2022-2024"].missing).toBe("empty");
    const prosecutors = list.find((i) => i.id === "prosecutors-per-100k")!.figures.FR["2022-2024"];
    expect(prosecutors).toMatchObject({ value: 2.94, comment: "Prosecutors of the Court of cassation included." });
    expect(list.find((i) => i.id === "clearance-rate:091:total")!.figures.KZ["2020-2022"].value).toBe(100.5);
  });

  it("does not show a comment or a status the secretariat withheld", () => {
    const a = new Map<string, Answer>([
      ["001", n(1_000_000)],
      ["046:total:total", status("NAP")],
      ["046#comment", { num: null, text: "secret", status: null }],
    ]);
    const [judges] = dashboardIndicators(
      [{ cycle: "c", country: "XX", read: (k) => a.get(k), withheld: new Set(["046:total:total", "046#comment"]) }],
      ["judges-per-100k"],
    );
    expect(judges.figures.XX.c).toMatchObject({ value: null, missing: "notRetained", comment: "" });
  });
});
