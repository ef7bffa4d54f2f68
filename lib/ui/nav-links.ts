// The top bar's links, from the areas the policy gives a principal (areasOf): the bar shows what
// the user may open and nothing else. Pure, so each role's bar is unit tested.
import type { Area } from "@/lib/auth/policy";

type NavLink = { href: string; label: "cycles" | "users" | "reports" | "survey" };

export function navLinks(areas: readonly Area[]): NavLink[] {
  const has = (area: Area) => areas.includes(area);
  return [
    ...(has("administration")
      ? [
          { href: "/admin/cycles", label: "cycles" as const },
          { href: "/admin/users", label: "users" as const },
        ]
      : []),
    // Administrators review every body's reports; a reporter files their own body's.
    ...(has("reports") ? [{ href: has("administration") ? "/admin/reports" : "/reports", label: "reports" as const }] : []),
    ...(has("survey") ? [{ href: "/survey", label: "survey" as const }] : []),
    // The CEPEJ area has no link of its own: its replies are listed on the home page.
  ];
}
