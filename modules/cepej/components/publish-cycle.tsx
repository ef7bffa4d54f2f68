"use client";
// Administrators: publish a cycle (its dashboard becomes public, validated replies only) or withdraw it.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";

export function PublishCycle({ cycle, published }: { cycle: string; published: boolean }) {
  const t = useTranslations("cepejDashboard");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const refused = useRefusal();
  const toggle = () =>
    start(async () => {
      const r = await fetch(`/api/cycles/${cycle}/publish`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ published: !published }),
      });
      if (r.ok) {
        setError(null);
        router.refresh();
      } else setError(refused(await r.json().catch(() => ({})), r.status));
    });
  return (
    <span className="no-print">
      <button type="button" className="secondary" disabled={pending} onClick={toggle} data-testid="publish-cycle">
        {published ? t("unpublish") : t("publish")}
      </button>
      {error && (
        <span className="alert error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
