"use client";
// The confirmation that the question's comment explains one warning. A comment no longer explains
// every warning of its question by being there: each warning is confirmed on its own, and the reply
// stores which ones (explanationsKey, a saved answer like any other, with its history).
import { useEffect, useState } from "react";
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import { explanationsKey } from "@/modules/questionnaire/cells";
import { warningId, withExplanation, type Issue } from "@/modules/questionnaire/rules";
import { useReply } from "./reply-context";

export function ExplainWarning({ issue, hasComment }: { issue: Issue; hasComment: boolean }) {
  const t = useTranslations("form");
  const { readOnly, index } = useReply();
  const { getValues, setValue } = useFormContext();
  const key = explanationsKey(issue.question);
  // The box shows the click at once; the rules confirm it when they next run (they run deferred, and
  // a box that waited for them looked as if the click had not taken on a slow device).
  const [checked, setChecked] = useState(!!issue.explained);
  useEffect(() => setChecked(!!issue.explained), [issue.explained]);
  if (issue.severity !== "warning" || !index.keys.has(key)) return null;
  if (!hasComment) return readOnly ? null : <span className="explain-hint muted small">{t("explainInComment")}</span>;
  return (
    <label className="explain-confirm small">
      <input
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        data-testid={`explains-${warningId(issue)}`}
        onChange={(e) => {
          setChecked(e.target.checked);
          setValue(key, withExplanation(getValues(key) as string | undefined, warningId(issue), e.target.checked), { shouldDirty: true });
        }}
      />{" "}
      {t("commentExplains")}
    </label>
  );
}

/** Said once above a question's warnings when its comment is the previous cycle's, reused as is. */
export function ReusedCommentNote({ questionId, comment }: { questionId: string; comment: string | undefined }) {
  const t = useTranslations("form");
  const { previous } = useReply();
  const before = previous[`${questionId}#comment`]?.text?.trim();
  if (!comment || !before || comment.trim() !== before) return null;
  return (
    <li className="issue reused-comment muted small" data-testid={`reused-comment-${questionId}`}>
      {t("reusedComment")}
    </li>
  );
}
