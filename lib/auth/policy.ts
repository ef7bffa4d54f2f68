// The one place that decides who may do what, from role + scope. Pure: no I/O, so it is unit
// tested case by case and used identically by pages, route handlers and server actions.
import type { Role } from "../../db/roles";
import { refusal, type Refusal, type RefusalCode, type RefusalParams } from "../http/refusal";

export type Principal = {
  id: number;
  role: Role;
  /** ISO alpha-2 codes of the countries a correspondent answers for. */
  countries: string[];
  /** Region codes a supervisor (or interviewer) works in. */
  regions: string[];
  /** The reporting body a reporter files for. */
  bodyId: number | null;
  supervisorId: number | null;
};

export type Resource =
  /** Administration: users, cycles, questionnaires, waves, audit log. */
  | { kind: "administration" }
  /** A country's CEPEJ reply (any cycle). */
  | { kind: "cepejReply"; country: string }
  /** Household-survey work in a region: the sample, assignments, review. */
  | { kind: "surveyRegion"; region: string }
  /** One household interview. */
  | { kind: "interview"; region: string; interviewerId: number | null }
  /** Interview entry in general (a queue of interviews, each then checked as `interview`). */
  | { kind: "surveyEntry" }
  /** Fieldwork quality (the quality view, the paradata): of the user's regions (scopeOf). */
  | { kind: "fieldworkQuality" }
  /** A reporting body's legal-statistics reports. */
  | { kind: "reportingBody"; bodyId: number };

/** read: see it; write: change its answers; review: query, return, validate, approve, reject. */
export type Action = "read" | "write" | "review";

export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

const allow: Decision = { allowed: true };
const deny = (code: RefusalCode, params?: RefusalParams): Decision => ({ allowed: false, reason: refusal(code, params) });

export function decide(principal: Principal | null, action: Action, resource: Resource): Decision {
  if (!principal) return deny("signIn");
  if (principal.role === "admin") return allow;

  switch (resource.kind) {
    case "administration":
      return deny("adminsOnly");

    case "cepejReply":
      if (principal.role !== "correspondent") return deny("correspondentsOnly");
      if (!principal.countries.includes(resource.country)) return deny("notCorrespondentOf", { country: resource.country });
      if (action === "review") return deny("reviewersOnly");
      return allow;

    case "surveyRegion":
      if (principal.role !== "supervisor") return deny("supervisorsOnly");
      if (!principal.regions.includes(resource.region)) return deny("notSupervisorOf", { region: resource.region });
      return allow;

    case "interview":
      if (principal.role === "supervisor") {
        if (!principal.regions.includes(resource.region)) return deny("notSupervisorOf", { region: resource.region });
        return action === "write" ? deny("supervisorsReview") : allow;
      }
      if (principal.role === "interviewer") {
        if (resource.interviewerId !== principal.id) return deny("notYourInterview");
        return action === "review" ? deny("interviewersCannotReview") : allow;
      }
      return deny("surveyTeamOnly");

    case "surveyEntry":
      if (principal.role !== "interviewer") return deny("interviewersOnly");
      return action === "review" ? deny("interviewersCannotReview") : allow;

    case "fieldworkQuality":
      if (principal.role !== "supervisor") return deny("qualitySupervisorsOnly");
      return action === "read" ? allow : deny("qualityReadOnly");

    case "reportingBody":
      if (principal.role !== "reporter") return deny("reportersOnly");
      if (principal.bodyId !== resource.bodyId) return deny("notYourBody");
      return action === "review" ? deny("committeeReviews") : allow;
  }
}

/** What a principal's lists are limited to, for queries that list many objects at once (the
 *  households of a wave, the replies of a cycle, the reports of a period). `null` means no limit.
 *  Lists filtered by it must agree with decide() on each object: policy.test.ts checks that. */
export type Scope = {
  countries: string[] | null;
  regions: string[] | null;
  bodyId: number | null | "all";
  /** An interviewer sees the interviews assigned to them only. */
  interviewerId: number | null;
};

export function scopeOf(principal: Principal): Scope {
  if (principal.role === "admin") return { countries: null, regions: null, bodyId: "all", interviewerId: null };
  return {
    countries: principal.role === "correspondent" ? principal.countries : [],
    // An interviewer's own interviews, wherever they are (decide() does not ask about the region).
    regions: principal.role === "supervisor" ? principal.regions : principal.role === "interviewer" ? null : [],
    bodyId: principal.role === "reporter" ? principal.bodyId : null,
    interviewerId: principal.role === "interviewer" ? principal.id : null,
  };
}

/** The areas of the app a role sees in its navigation and home page. */
export type Area = "administration" | "cepej" | "survey" | "reports";

export function areasOf(principal: Principal): Area[] {
  switch (principal.role) {
    case "admin":
      return ["administration", "cepej", "survey", "reports"];
    case "correspondent":
      return ["cepej"];
    case "supervisor":
    case "interviewer":
      return ["survey"];
    case "reporter":
      return ["reports"];
  }
}
