// One interview: the interviewer enters it (keyboard first); the supervisor reviews it.
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { eventsOf, findHousehold, findWave, reviewCommentsOf } from "@/modules/survey/server/households";
import { isEditable } from "@/modules/survey/server/interviews";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { questionsOf } from "@/modules/questionnaire/walk";
import { progressOf } from "@/modules/questionnaire/progress";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import { InterviewActions } from "@/modules/survey/components/interview-actions";

export default page<{ id: string }>(async ({ params, db }) => {
  await requireUser();
  const id = Number(params.id);
  const h = Number.isInteger(id) ? findHousehold(db, id) : undefined;
  const user = await requireAccess("read", { kind: "interview", region: h?.region ?? "-", interviewerId: h?.interviewerId ?? null });
  if (!h) notFound();
  const wave = findWave(db, h.wave)!;
  const index = loadQuestionnaire(db, "udn");
  const stored = h.responseId ? loadAnswers(db, h.responseId) : new Map();
  const resource = { kind: "interview" as const, region: h.region, interviewerId: h.interviewerId };
  const canWrite = decide(user, "write", resource).allowed && isEditable(h.status);
  const canReview = decide(user, "review", resource).allowed && h.status === "completed";
  const comments = reviewCommentsOf(db, h.id);
  const notes: Record<string, { by: string | null; text: string; at: string }[]> = {};
  for (const c of comments) (notes[c.questionId] ??= []).push({ by: c.by, text: c.text, at: c.at });
  const questions = index.questionnaire.parts.flatMap((p) => questionsOf(p));
  const read = (k: string) => stored.get(k)?.answer;
  const locale = await getLocale();
  // The whole instrument on one page and in one form, so that skip logic across sections is live.
  const instrument = { id: "0", title: { en: "Form UDN" }, questions: [], parts: index.questionnaire.parts };
  return (
    <>
      <p className="breadcrumb">
        <Link href="/survey">Household survey</Link>
      </p>
      <h1>Interview {h.householdId}</h1>
      <p>
        Region {h.region} · {h.settlement === "1" ? "urban" : "rural"} · {h.address} · weight {h.weight} · fieldwork {wave.fieldworkStart} – {wave.fieldworkEnd}{" "}
        · <strong data-testid="interview-status">{h.status.replace("_", " ")}</strong>
      </p>
      <InterviewActions
        api={`/api/survey/interviews/${h.id}`}
        canComplete={canWrite}
        canReview={canReview}
        questions={questions.map((q) => ({ id: q.id, label: q.label.en }))}
      />
      <ReplyForm
        chapter={instrument}
        chapters={[{ id: "0", title: "Form UDN", href: `/survey/interviews/${h.id}`, ...progressOf(questions, read), warnings: 0, errors: 0 }]}
        locale={locale}
        answers={Object.fromEntries(stored)}
        saveUrl={`/api/survey/interviews/${h.id}/answers`}
        readOnly={!canWrite}
        previous={{}}
        previousCycle={null}
        variationThreshold={20}
        review={{ api: "", reviewer: false, queries: [], flags: {}, series: null, notes }}
        context={{ fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } }}
      />
      <div className="card history">
        <h2>History</h2>
        <ol>
          {eventsOf(db, h.id).map((e, i) => (
            <li key={i}>
              {e.at.slice(0, 16).replace("T", " ")} · {e.by ?? "—"}: {e.from} → {e.to}
              {e.note ? ` — ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
});
