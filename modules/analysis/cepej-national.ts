// The shipped mappings of CEPEJ cells to national reports (cepej-national.json, notes there).
import data from "./cepej-national.json";

export type CepejNationalMapping = {
  id: string;
  questionnaire: string;
  country: string;
  /** The CEPEJ cell's storage key ("107:r2:cases"). */
  cell: string;
  /** The report form's number in Appendix 2 and its code. */
  form: number;
  formCode: string;
  /** The form's row and column. */
  line: string;
  column: "period";
  /** Which periods of the form: the cycle's reference year. */
  period: "referenceYear";
  /** How the periods add up: the monthly figures of the year summed. */
  aggregation: "sumOfMonths";
  /** Difference from the national figure, in %, beyond which the answer needs an explanation. */
  threshold: number;
  /** The source as the history records it. */
  source: string;
  note: string;
};

export const CEPEJ_NATIONAL_MAPPINGS = data.mappings as CepejNationalMapping[];

/** The mappings of a reply's questionnaire and country. */
export const nationalMappingsOf = (questionnaire: string, country: string) =>
  CEPEJ_NATIONAL_MAPPINGS.filter((m) => m.questionnaire === questionnaire && m.country === country);

/** A national figure for a CEPEJ cell: its value, the source the history records and the rule's threshold. */
export type NationalFigure = { mapping: string; num: number; threshold: number; source: string; year: number };
