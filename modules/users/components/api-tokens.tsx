"use client";
// The user's own API tokens: create one (its secret shown once, to copy), revoke one. Through the
// API itself (POST /api/tokens, DELETE /api/tokens/{id}) with the session cookie.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: String(data.get("name") ?? ""), expiresInDays: Number(data.get("days")), scope: String(data.get("scope")) }),
      });
      if (!res.ok) {
        setError(res.status === 400 ? t("nameRequired") : t("failed"));
        return;
      }
      setCreated(((await res.json()) as { token: string }).token);
      form.reset();
      router.refresh();
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card"
      data-testid="create-token"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <h2>{t("create")}</h2>
      <label>
        {t("name")} <input name="name" required maxLength={300} />
      </label>{" "}
      <label>
        {t("validity")}{" "}
        <select name="days" defaultValue="90">
          {[30, 90, 180, 365].map((d) => (
            <option key={d} value={d}>
              {t("days", { days: d })}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("scope")}{" "}
        <select name="scope" defaultValue="read">
          <option value="read">{t("scopeRead")}</option>
          <option value="write">{t("scopeWrite")}</option>
        </select>
      </label>{" "}
      <button type="submit" disabled={busy}>
        {t("createButton")}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {created && (
        <div role="status" data-testid="new-token">
          <p>{t("copyNow")}</p>
          <code>{created}</code>
        </div>
      )}
    </form>
  );
}

export function RevokeTokenButton({ id }: { id: number }) {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const res = await fetch(`/api/tokens/${id}`, { method: "DELETE" }).catch(() => null);
          setFailed(!res?.ok);
          router.refresh();
        }}
      >
        {t("revoke")}
      </button>
      {failed && <span className="error">{t("failed")}</span>}
    </>
  );
}
