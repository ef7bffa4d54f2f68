"use client";
// On the server-rendered interview page: when this device holds unsent work for the interview, the
// device's copy is the current one, so the interviewer continues there.
import { useEffect } from "react";
import { deviceDb } from "../store";
import { hasUnsent } from "../queue";

export function DeviceGuard({ id }: { id: number }) {
  useEffect(() => {
    void deviceDb()
      .interviews.get(id)
      .then((i) => {
        if (i && hasUnsent(i)) location.replace(`/survey/device?i=${id}`);
      })
      .catch(() => undefined);
  }, [id]);
  return null;
}
