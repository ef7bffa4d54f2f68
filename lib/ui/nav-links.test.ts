import { describe, expect, it } from "vitest";
import { areasOf, type Principal } from "@/lib/auth/policy";
import { ROLES, type Role } from "@/db/roles";
import { navLinks } from "./nav-links";

const principal = (role: Role): Principal => ({ id: 1, role, countries: [], regions: [], bodyId: null, supervisorId: null });
const hrefs = (role: Role) => navLinks(areasOf(principal(role))).map((l) => l.href);

describe("the top bar's links come from the policy's areas", () => {
  it("gives each role the links it had (in this order)", () => {
    expect(hrefs("admin")).toEqual(["/admin/cycles", "/admin/users", "/admin/reports", "/survey"]);
    expect(hrefs("correspondent")).toEqual([]);
    expect(hrefs("supervisor")).toEqual(["/survey"]);
    expect(hrefs("interviewer")).toEqual(["/survey"]);
    expect(hrefs("reporter")).toEqual(["/reports"]);
  });

  it("labels each link with its nav message", () => {
    expect(navLinks(areasOf(principal("admin"))).map((l) => l.label)).toEqual(["cycles", "users", "reports", "survey"]);
    expect(navLinks(["reports"])).toEqual([{ href: "/reports", label: "reports" }]);
  });

  it("depends on the areas only: no area, no link", () => {
    expect(navLinks([])).toEqual([]);
    expect(navLinks(["cepej"])).toEqual([]);
    for (const role of ROLES) {
      const areas = areasOf(principal(role));
      if (!areas.includes("administration")) expect(hrefs(role).some((h) => h.startsWith("/admin/"))).toBe(false);
    }
  });
});
