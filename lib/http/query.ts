// Reading query parameters, the one way: any parameter may come twice (`?region=AST&region=ALA`,
// which pages receive as an array) and any value may be text where a number or a date is expected.
// The API refuses such a value with a 400 and a reason (a ServiceError, turned into the answer by
// route()); a page ignores it and shows its default, so a hand-edited address never breaks it.
import { isIsoDate } from "@/lib/dates/dates";
import { ServiceError } from "./service-error";

/** Next.js hands a page its query as this: an array when a name repeats. */
export type SearchParams = Record<string, string | string[] | undefined>;

const REPEATED = Symbol("repeated");

/** The one value of a parameter; REPEATED when it is given more than once. */
function single(value: string | string[] | null | undefined): string | undefined | typeof REPEATED {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : value.length ? REPEATED : undefined;
  return value ?? undefined;
}

/** A page's single query value: undefined when absent or given more than once. */
export function singleValue(value: string | string[] | null | undefined): string | undefined {
  const v = single(value);
  return v === REPEATED ? undefined : v;
}

export type IntRange = { min: number; max: number };

const WHOLE = /^-?\d{1,16}$/;

/** The whole number a text writes, within the range; null otherwise ("1e3", "1.0", "0x10" are not
 *  whole numbers as people write them in an address). */
function wholeNumber(text: string, range: IntRange): number | null {
  if (!WHOLE.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= range.min && n <= range.max ? n : null;
}

/** A page's query, lenient: every reader returns undefined for an absent, repeated or invalid value. */
export function pageQuery(searchParams: SearchParams) {
  const one = (name: string) => singleValue(searchParams[name]);
  return {
    one,
    int(name: string, range: IntRange): number | undefined {
      const v = one(name);
      return v === undefined ? undefined : (wholeNumber(v, range) ?? undefined);
    },
    date(name: string): string | undefined {
      const v = one(name);
      return v !== undefined && isIsoDate(v) ? v : undefined;
    },
  };
}

/** An API request's query, strict: a repeated parameter or an invalid value throws a 400. */
export function apiQuery(request: Request) {
  const params = new URL(request.url).searchParams;
  const one = (name: string): string | undefined => {
    const v = single(params.getAll(name));
    if (v === REPEATED) throw new ServiceError(400, `The parameter ${name} is given more than once.`);
    return v;
  };
  return {
    one,
    /** One of the listed values, or undefined when absent. */
    choice<T extends string>(name: string, allowed: readonly T[]): T | undefined {
      const v = one(name);
      if (v === undefined) return undefined;
      if (!(allowed as readonly string[]).includes(v))
        throw new ServiceError(400, `${name} must be ${allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}` : allowed[0]}.`);
      return v as T;
    },
    int(name: string, range: IntRange): number | undefined {
      const v = one(name);
      if (v === undefined) return undefined;
      const n = wholeNumber(v, range);
      if (n === null) throw new ServiceError(400, `${name} must be a whole number from ${range.min} to ${range.max}.`);
      return n;
    },
    date(name: string): string | undefined {
      const v = one(name);
      if (v === undefined) return undefined;
      if (!isIsoDate(v)) throw new ServiceError(400, `${name} must be a date YYYY-MM-DD.`);
      return v;
    },
  };
}
