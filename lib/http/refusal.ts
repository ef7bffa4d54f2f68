// A refusal a person may read: a stable code naming its message in the catalogues (messages/*.json,
// section "refusals") and the values the message needs. The API answers the English wording (for
// scripts and logs, as before) beside the code and values, so that the interface words it in the
// user's language; a server action words it itself. English comes from the same catalogue, so the
// two never drift apart.
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";

export type RefusalCode = keyof typeof en.refusals;
export type RefusalParams = Record<string, string | number>;
export type Refusal = { code: RefusalCode; params?: RefusalParams; message: string };

const english = new Map<string, IntlMessageFormat>();

function englishText(code: RefusalCode, params: RefusalParams | undefined): string {
  let format = english.get(code);
  if (!format) english.set(code, (format = new IntlMessageFormat(en.refusals[code], "en")));
  return String(format.format(params));
}

/** The refusal `code` with its values, worded in English for the API's `error`. */
export function refusal(code: RefusalCode, params?: RefusalParams): Refusal {
  return { code, ...(params ? { params } : {}), message: englishText(code, params) };
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === "object" && x !== null && "code" in x && "message" in x;

/** What a refusal adds to an API answer: `{ error, code, params }`; a bare string stays `{ error }`. */
export function refusalBody(reason: string | Refusal): { error: string; code?: string; params?: RefusalParams } {
  return typeof reason === "string" ? { error: reason } : { error: reason.message, code: reason.code, ...(reason.params ? { params: reason.params } : {}) };
}
