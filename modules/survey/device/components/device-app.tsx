"use client";
// The interviewer's list and interviews rendered in the browser from the device store: the page the
// service worker serves for the survey when the network is gone (and /survey/device online). Which
// interview: ?i=<id>, or the address /survey/interviews/<id> the browser asked for offline.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRefusalReason } from "@/lib/i18n/use-refusal";
import { DeviceStatus } from "./device-status";
import { DeviceInterviewView } from "./device-interview";
import { useDevice, useOnline } from "./use-device";
import { editableHere, hasUnsent } from "../queue";
import type { DeviceInterview } from "../types";

const ORDER = ["rejected", "in_progress", "assigned", "completed", "approved", "unassigned"];

function interviewFromAddress(): number | null {
  const fromQuery = Number(new URLSearchParams(location.search).get("i"));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const m = /^\/survey\/interviews\/(\d+)/.exec(location.pathname);
  return m ? Number(m[1]) : null;
}

export function DeviceApp({ regions, userId }: { regions: Record<string, string>; userId: number }) {
  const t = useTranslations("device");
  const reason = useRefusalReason();
  const ts = useTranslations("survey");
  const device = useDevice();
  const online = useOnline();
  const [id, setId] = useState<number | null | undefined>(undefined);
  useEffect(() => setId(interviewFromAddress()), []);
  if (!device || id === undefined) return <p className="muted">…</p>;
  const interview = id ? device.interviews.find((i) => i.id === id) : undefined;

  if (id) {
    return (
      <>
        <p className="breadcrumb">
          <a href="/survey/device">{t("backToList")}</a>
        </p>
        <DeviceStatus userId={userId} prepare={online} />
        {interview && device.questionnaire ? (
          <DeviceInterviewView
            key={interview.id}
            interview={interview}
            questionnaire={device.questionnaire}
            regionName={regions[interview.region] ?? interview.region}
          />
        ) : (
          <p className="alert error">{t("notFound")}</p>
        )}
      </>
    );
  }
  // As on the server's list: the rejected interviews first (they wait for the interviewer), then by wave.
  const rank = (i: DeviceInterview) => (i.status === "rejected" && !i.unassigned ? 0 : 1);
  const sorted = [...device.interviews].sort(
    (a, b) => rank(a) - rank(b) || b.wave - a.wave || ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.householdId.localeCompare(b.householdId),
  );
  const note = (i: DeviceInterview) =>
    [
      i.unassigned ? t("unassigned") : i.completedHere ? t("completedHere") : hasUnsent(i) ? t("unsent") : "",
      i.refusal ? t("refused", { reason: reason(i.refusal) }) : "",
    ]
      .filter(Boolean)
      .join(" · ");
  const rejected = sorted.filter((i) => i.status === "rejected" && !i.unassigned).length;
  return (
    <>
      <h1>{t("title")}</h1>
      {rejected > 0 && (
        <p className="alert error" role="alert" data-testid="rejected-alert">
          {ts("rejectedWaiting", { count: rejected })}
        </p>
      )}
      <DeviceStatus userId={userId} prepare={online} />
      {!sorted.length ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <table className="list" data-testid="device-assignments">
          <thead>
            <tr>
              <th>{ts("wave")}</th>
              <th>{ts("household")}</th>
              <th>{ts("region")}</th>
              <th>{ts("address")}</th>
              <th>{ts("status")}</th>
              <th>{t("onDevice")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((i) => (
              <tr
                key={i.id}
                data-household={i.householdId}
                data-status={i.status}
                data-editable={editableHere(i) ? "1" : "0"}
                className={i.status === "rejected" || i.unassigned ? "error" : undefined}
              >
                <td>{i.wave}</td>
                <td>
                  <a href={`/survey/device?i=${i.id}`}>{i.householdId}</a>
                </td>
                <td>{regions[i.region] ?? i.region}</td>
                <td translate="no">{i.address}</td>
                <td>{ts(`states.${i.status}` as never)}</td>
                <td className={i.refusal ? "error" : undefined}>{note(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
