"use client";
// The supervisor's household list with bulk assignment to an interviewer.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";

type Row = {
  id: number;
  householdId: string;
  region: string;
  regionName: string;
  settlement: string;
  address: string;
  status: string;
  interviewer: string | null;
};

export function AssignTable({ rows, interviewers }: { rows: Row[]; interviewers: { id: number; name: string }[] }) {
  const t = useTranslations("survey");
  const refused = useRefusal();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [interviewer, setInterviewer] = useState(interviewers[0]?.id ?? 0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const assign = () =>
    start(async () => {
      const r = await fetch("/api/survey/assign", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ids: [...selected], interviewerId: interviewer }),
      });
      const b = await r.json().catch(() => ({}));
      setMessage(r.ok ? t("assigned", { count: b.assigned }) : refused(b, r.status));
      if (r.ok) {
        setSelected(new Set());
        router.refresh();
      }
    });
  return (
    <>
      <div className="inline-form" data-testid="assign-bar">
        <select aria-label={t("interviewer")} value={interviewer} onChange={(e) => setInterviewer(Number(e.target.value))}>
          {interviewers.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!selected.size || pending} onClick={assign}>
          {t("assignSelected", { count: selected.size })}
        </button>
        <button type="button" className="secondary" onClick={() => setSelected(new Set(rows.filter((r) => r.status === "unassigned").map((r) => r.id)))}>
          {t("selectUnassigned")}
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      <table className="list" data-testid="households">
        <thead>
          <tr>
            <th />
            <th>{t("household")}</th>
            <th>{t("region")}</th>
            <th>{t("settlement")}</th>
            <th>{t("address")}</th>
            <th>{t("status")}</th>
            <th>{t("interviewer")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-household={r.householdId}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("selectHousehold", { household: r.householdId })}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                />
              </td>
              <td>
                {["completed", "approved", "rejected", "in_progress"].includes(r.status) ? (
                  <Link href={`/survey/interviews/${r.id}`}>{r.householdId}</Link>
                ) : (
                  r.householdId
                )}
              </td>
              {/* The region's code, as supervisors name them; its name on hover. */}
              <td title={r.regionName}>{r.region}</td>
              <td>{t(r.settlement === "1" ? "settlements.1" : "settlements.2")}</td>
              {/* Data as loaded or entered, never translated. */}
              <td translate="no">{r.address}</td>
              <td>{t(`states.${r.status}` as never)}</td>
              <td translate="no">{r.interviewer ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
