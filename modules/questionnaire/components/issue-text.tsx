"use client";
import { useIssueText } from "./use-issue-text";

/** A rule message for server-rendered lists, worded like everywhere else. */
export function IssueText({ code, params }: { code: string; params: Record<string, string | number> }) {
  return <>{useIssueText()(code, params)}</>;
}
