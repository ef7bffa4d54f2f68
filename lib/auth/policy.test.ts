import { describe, expect, it } from "vitest";
import { decide, scopeOf, type Action, type Principal, type Resource } from "./policy";

const base = { countries: [], regions: [], bodyId: null, supervisorId: null };
const admin: Principal = { ...base, id: 1, role: "admin" };
const kz: Principal = { ...base, id: 2, role: "correspondent", countries: ["KZ"] };
const fr: Principal = { ...base, id: 3, role: "correspondent", countries: ["FR"] };
const supervisor: Principal = { ...base, id: 4, role: "supervisor", regions: ["AST", "ALA"] };
const interviewer: Principal = { ...base, id: 5, role: "interviewer", regions: ["AST"], supervisorId: 4 };
const reporter: Principal = { ...base, id: 6, role: "reporter", bodyId: 10 };

const allowed = (p: Principal | null, a: Action, r: Resource) => decide(p, a, r).allowed;

describe("policy: anonymous", () => {
  it("denies everything, with a reason", () => {
    const d = decide(null, "read", { kind: "cepejReply", country: "KZ" });
    expect(d).toEqual({ allowed: false, reason: { code: "signIn", message: "You need to sign in." } });
    expect(allowed(null, "read", { kind: "administration" })).toBe(false);
  });
});

describe("policy: administration", () => {
  it("is for admins only", () => {
    expect(allowed(admin, "write", { kind: "administration" })).toBe(true);
    for (const p of [kz, supervisor, interviewer, reporter]) {
      expect(allowed(p, "read", { kind: "administration" })).toBe(false);
    }
  });
});

describe("policy: CEPEJ replies", () => {
  const kzReply: Resource = { kind: "cepejReply", country: "KZ" };
  it("lets a correspondent read and write their own country only", () => {
    expect(allowed(kz, "read", kzReply)).toBe(true);
    expect(allowed(kz, "write", kzReply)).toBe(true);
    expect(allowed(fr, "read", kzReply)).toBe(false);
    expect(allowed(fr, "write", kzReply)).toBe(false);
    expect(decide(fr, "read", kzReply)).toMatchObject({
      reason: { code: "notCorrespondentOf", params: { country: "KZ" }, message: "You are not a correspondent for KZ." },
    });
  });
  it("keeps review for admins", () => {
    expect(allowed(kz, "review", kzReply)).toBe(false);
    expect(allowed(admin, "review", kzReply)).toBe(true);
  });
  it("keeps the survey team and reporters out", () => {
    for (const p of [supervisor, interviewer, reporter]) expect(allowed(p, "read", kzReply)).toBe(false);
  });
});

describe("policy: household survey", () => {
  it("lets a supervisor work in their regions only", () => {
    expect(allowed(supervisor, "write", { kind: "surveyRegion", region: "AST" })).toBe(true);
    expect(allowed(supervisor, "read", { kind: "surveyRegion", region: "KAR" })).toBe(false);
    expect(allowed(interviewer, "read", { kind: "surveyRegion", region: "AST" })).toBe(false);
  });
  it("lets a supervisor read and review, not enter, interviews of their regions", () => {
    const own = { kind: "interview", region: "ALA", interviewerId: 5 } as const;
    expect(allowed(supervisor, "read", own)).toBe(true);
    expect(allowed(supervisor, "review", own)).toBe(true);
    expect(allowed(supervisor, "write", own)).toBe(false);
    expect(allowed(supervisor, "read", { ...own, region: "KAR" })).toBe(false);
  });
  it("lets an interviewer enter only interviews assigned to them", () => {
    const mine = { kind: "interview", region: "AST", interviewerId: 5 } as const;
    expect(allowed(interviewer, "write", mine)).toBe(true);
    expect(allowed(interviewer, "review", mine)).toBe(false);
    expect(allowed(interviewer, "read", { ...mine, interviewerId: 99 })).toBe(false);
    expect(allowed(interviewer, "read", { ...mine, interviewerId: null })).toBe(false);
    expect(allowed(kz, "read", mine)).toBe(false);
  });
  it("lets only interviewers (and administrators) submit a queue of interviews", () => {
    const entry = { kind: "surveyEntry" } as const;
    expect(allowed(interviewer, "write", entry)).toBe(true);
    expect(allowed(interviewer, "review", entry)).toBe(false);
    for (const p of [kz, supervisor, reporter]) expect(allowed(p, "write", entry)).toBe(false);
  });
});

describe("policy: legal-statistics reports", () => {
  it("lets a reporter file for their own body only", () => {
    expect(allowed(reporter, "write", { kind: "reportingBody", bodyId: 10 })).toBe(true);
    expect(allowed(reporter, "write", { kind: "reportingBody", bodyId: 11 })).toBe(false);
    expect(allowed(reporter, "review", { kind: "reportingBody", bodyId: 10 })).toBe(false);
    expect(allowed(kz, "read", { kind: "reportingBody", bodyId: 10 })).toBe(false);
    expect(allowed(admin, "review", { kind: "reportingBody", bodyId: 10 })).toBe(true);
  });
});

describe("scopeOf agrees with decide()", () => {
  const everyone = [admin, kz, fr, supervisor, interviewer, reporter];
  const inList = (limit: string[] | null, code: string) => limit === null || limit.includes(code);
  it("countries: a reply is listed exactly when it may be read", () => {
    for (const p of everyone)
      for (const country of ["KZ", "FR", "DE"]) {
        expect(inList(scopeOf(p).countries, country), `${p.role} ${country}`).toBe(allowed(p, "read", { kind: "cepejReply", country }));
      }
  });
  it("regions: a household is listed exactly when its interview may be read (interviewers: their own)", () => {
    for (const p of everyone)
      for (const region of ["AST", "ALA", "SHY"])
        for (const interviewerId of [5, 7, null]) {
          const s = scopeOf(p);
          const listed = inList(s.regions, region) && (s.interviewerId === null || s.interviewerId === interviewerId);
          expect(listed, `${p.role} ${region} ${interviewerId}`).toBe(allowed(p, "read", { kind: "interview", region, interviewerId }));
        }
  });
  it("bodies: a report is listed exactly when it may be read", () => {
    for (const p of everyone)
      for (const bodyId of [10, 11]) {
        const s = scopeOf(p);
        expect(s.bodyId === "all" || s.bodyId === bodyId, `${p.role} ${bodyId}`).toBe(allowed(p, "read", { kind: "reportingBody", bodyId }));
      }
  });
});
