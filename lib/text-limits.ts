// The longest free texts the app takes, named once. The API's schemas, the forms and the file
// importers refuse a longer text with where it is (the JSON path; the CSV row and column) and the
// limit. An answer's own texts (a question's comment, an option's text, a text question) have the
// questionnaire's limits (modules/questionnaire/rules.ts and each definition).
export const TEXT_MAX = {
  /** A code or identifier written by people or files: a household's id, a cycle's slug, a questionnaire's id or version. */
  code: 64,
  /** A short note: a calendar day's reason, the period an information request is about. */
  note: 200,
  /** A person's or an organisation's name: a user, a requester, a signatory, a cycle. */
  name: 300,
  /** A household's address in a sample frame. */
  address: 500,
  /** A comment on a step of work: a query and its answers, a return or review note, a flag's reason,
   *  what an information request asks for, the recipients of a dispatch. */
  comment: 5000,
  /** The answer to an information request. */
  longText: 20_000,
} as const;
