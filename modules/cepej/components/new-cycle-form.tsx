"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { createCycleAction } from "@/modules/cepej/actions";

export function NewCycleForm({ cycles }: { cycles: { slug: string; name: string }[] }) {
  const t = useTranslations("cycles");
  const [state, action, pending] = useActionState<ActionState, FormData>(createCycleAction, {});
  const [source, setSource] = useState("copy");
  const err = (name: string) =>
    state.fieldErrors?.[name] ? (
      <span className="error" data-testid={`error-${name}`}>
        {t(`errors.${state.fieldErrors[name].key}` as never)}
      </span>
    ) : null;
  // An uploaded definition's errors come as fields "definition:N" with their path and message.
  const definitionErrors = Object.values(state.fieldErrors ?? {})
    .filter((e) => e.key === "definition")
    .map((e) => e.values ?? {});
  return (
    <form action={action} data-testid="new-cycle">
      {state.ok && (
        <p className="alert ok" role="status">
          {t("created")}
        </p>
      )}
      {(state.denied || (state.error && !state.fieldErrors)) && (
        <p className="alert error" role="alert">
          {state.denied ?? state.error}
        </p>
      )}
      <label className="field">
        <span>{t("slug")}</span>
        <input type="text" name="slug" placeholder="2022-2024" />
        {err("slug")}
      </label>
      <label className="field">
        <span>{t("name")}</span>
        <input type="text" name="name" placeholder={t("namePlaceholder")} />
        {err("name")}
      </label>
      <label className="field">
        <span>{t("referenceYear")}</span>
        <input type="text" name="referenceYear" inputMode="numeric" placeholder="2022" />
        {err("referenceYear")}
      </label>
      <label className="field">
        <span>{t("opensOn")}</span>
        <input type="date" name="opensOn" />
        {err("opensOn")}
      </label>
      <label className="field">
        <span>{t("closesOn")}</span>
        <input type="date" name="closesOn" />
        {err("closesOn")}
      </label>
      <label className="field">
        <span>{t("previousCycle")}</span>
        <select name="previousCycle" defaultValue={cycles[0]?.slug ?? ""}>
          <option value="">—</option>
          {cycles.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        {err("previousCycle")}
      </label>
      <label className="field">
        <span>{t("threshold")}</span>
        <input type="text" name="variationThreshold" defaultValue="20" inputMode="decimal" />
        {err("variationThreshold")}
      </label>
      <fieldset className="field">
        <legend>{t("questionnaire")}</legend>
        <label>
          <input type="radio" name="source" value="copy" checked={source === "copy"} onChange={() => setSource("copy")} /> {t("copy")}
        </label>{" "}
        <label>
          <input type="radio" name="source" value="upload" checked={source === "upload"} onChange={() => setSource("upload")} /> {t("upload")}
        </label>
        {source === "upload" && (
          <>
            <input type="file" name="definitionFile" accept="application/json,.json" aria-label={t("definitionFile")} />
            <textarea name="definitionJson" rows={4} placeholder={t("orPaste")} aria-label={t("definitionJson")} />
            {err("definitionJson")}
          </>
        )}
      </fieldset>
      {definitionErrors.length > 0 && (
        <div className="alert error" data-testid="definition-errors">
          <strong>{t("definitionInvalid")}</strong>
          <ul>
            {definitionErrors.slice(0, 50).map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
