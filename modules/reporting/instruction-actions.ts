"use server";
// Server actions of the Committee under the Instruction: holiday rules of the calendar, the filing
// deadline of each form, and the placement of a period's consolidated reports. Each runs one
// service, which writes its audit row in its own transaction.
import { adminAction } from "@/lib/auth/admin-action";
import { FilingDaysInput, HolidayRuleInput, PlaceInput } from "@/modules/reporting/schemas";
import { saveHolidayRule, setFilingDaysBefore } from "@/modules/reporting/server/calendar";
import { placePeriod } from "@/modules/reporting/server/placements";

export const holidayRuleAction = adminAction(
  HolidayRuleInput,
  async ({ db, user, input, ip }) => {
    await saveHolidayRule(db, input, user, ip);
    return input.id;
  },
  { revalidate: "/admin/calendar" },
);

export const filingDaysAction = adminAction(
  FilingDaysInput,
  async ({ db, user, input, ip }) => {
    await setFilingDaysBefore(db, input, user, ip);
    return String(input.daysBefore);
  },
  { revalidate: "/admin/placements" },
);

export const placeAction = adminAction(
  PlaceInput,
  async ({ db, user, input, ip }) => {
    const r = await placePeriod(db, input, user, ip);
    return `${r.period}|${r.reports}|${r.regions}`;
  },
  { revalidate: "/admin/placements" },
);
