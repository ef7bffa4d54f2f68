// The Committee's forms refuse with keys of their message catalogue, per field.
import { describe, expect, it } from "vitest";
import { CalendarChangeInput, DispatchInput, NewRequestInput, TransitionRequest } from "./schemas";

const keys = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the Committee's forms", () => {
  it("calendar: a date, a kind, and a reason unless the day is removed", () => {
    expect(CalendarChangeInput.safeParse({ date: "2026-06-08", kind: "off", note: " Kurban ait " }).data).toEqual({
      date: "2026-06-08",
      kind: "off",
      note: "Kurban ait",
    });
    expect(keys(CalendarChangeInput.safeParse({ date: "2026-06-08", kind: "off", note: "  " }))).toEqual({ note: "reasonRequired" });
    expect(CalendarChangeInput.safeParse({ date: "2026-06-08", kind: "remove", note: "" }).success).toBe(true);
    expect(keys(CalendarChangeInput.safeParse({ date: "2026-02-30", kind: "later", note: "x" }))).toEqual({ date: "invalidDate", kind: "invalidKind" });
  });

  it("requests and dispatches name the fields to fix", () => {
    const request = {
      requesterKind: "state_body",
      requester: "",
      signatory: "A. B.",
      channel: "eds",
      indicators: "Thefts",
      unit: "crime",
      period: "2025",
      receivedOn: "2026-01-05",
    };
    expect(keys(NewRequestInput.safeParse(request))).toEqual({ requester: "required" });
    expect(keys(DispatchInput.safeParse({ collection: "1", period: "2025-Q1", sentOn: "2025-04-20", recipients: " " }))).toEqual({ recipients: "required" });
  });

  it("transitions: submit takes nothing else; return needs a comment", () => {
    expect(TransitionRequest.safeParse({ action: "submit" }).success).toBe(true);
    expect(TransitionRequest.safeParse({ action: "submit", comment: "x" }).success).toBe(false);
    expect(TransitionRequest.safeParse({ action: "return", comment: "  " }).success).toBe(false);
  });
});
