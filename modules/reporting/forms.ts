// The 26 report forms of Appendix 2 to the Instruction for providing legal statistical
// information (Order of the General Prosecutor of the Republic of Kazakhstan No. 25 of
// 15 April 2019): "List of legal statistical information placed on the Administrator's
// information service", with the term of placement of each.
//
// why the number is the identifier: codes are not unique (No. 3 and No. 25 are both "1-P"),
// and No. 8 has no code at all ("Form of the report "On supervisory activity of the Prosecutor"").
// why titles and codes as in the English translation: they are what the seed says; "CIS-1"/"CIS-3"
// are the translation's rendering of the Russian "СНГ".
// Note: that Order was repealed by Order No. 1 of 8 January 2021 (footnote of the seed); the
// catalogue is kept as the platform's reference list.
import type { Periodicity } from "./periods";
import type { DeadlineRule } from "./schedule";

export interface ReportForm {
  /** Row number in Appendix 2, 1–26. */
  readonly number: number;
  /** "1-M", "DTP-1", "6Ka"…; null where the seed gives none (No. 8). */
  readonly code: string | null;
  readonly title: string;
  readonly periodicity: Periodicity;
  readonly deadline: DeadlineRule;
}

const by = (day: number): DeadlineRule => ({ kind: "dayOfFollowingMonth", day });

export const REPORT_FORMS: readonly ReportForm[] = [
  { number: 1, code: "1-M", title: "On registered criminal offenses", periodicity: "monthly", deadline: by(5) },
  {
    number: 2,
    code: "1-N",
    title:
      "On offenses related to illegal trafficking of narcotic drugs, psychotropic and poisonous substances, precursors, their analogues and material evidences on criminal cases",
    periodicity: "quarterly",
    deadline: by(12),
  },
  {
    number: 3,
    code: "1-P",
    title: "On registration and accounting of acts on appointment of inspections, carried out by state bodies of the Republic of Kazakhstan",
    periodicity: "quarterly",
    deadline: by(10),
  },
  { number: 4, code: "1-OL", title: "On consideration of appeals of individuals and legal entities", periodicity: "monthly", deadline: by(12) },
  { number: 5, code: "1-E", title: "On work of criminal prosecution bodies", periodicity: "monthly", deadline: by(10) },
  {
    number: 6,
    code: "1-AD",
    title: "On the results of consideration of cases on administrative offenses by the authorized bodies",
    periodicity: "quarterly",
    deadline: by(20),
  },
  { number: 7, code: "DTP-1", title: "On persons injured in road accidents", periodicity: "monthly", deadline: by(7) },
  { number: 8, code: null, title: "On supervisory activity of the Prosecutor", periodicity: "quarterly", deadline: by(10) },
  {
    number: 9,
    code: "1",
    title: "Report on the work of the courts of first instance in consideration of criminal cases",
    periodicity: "quarterly",
    deadline: by(10),
  },
  { number: 10, code: "2", title: "Report on consideration of civil cases by the courts of first instance", periodicity: "quarterly", deadline: by(9) },
  {
    number: 11,
    code: "2-G",
    title: "Report on consideration of complaints by the courts in cases of private prosecution",
    periodicity: "quarterly",
    deadline: by(10),
  },
  { number: 12, code: "6", title: "Report on the work of courts of appeal for consideration of criminal cases", periodicity: "quarterly", deadline: by(10) },
  { number: 13, code: "7", title: "Report on consideration of civil cases in the appellate instance", periodicity: "quarterly", deadline: by(9) },
  { number: 14, code: "10", title: "On the number of persons in respect of whom judicial acts were issued", periodicity: "quarterly", deadline: by(10) },
  { number: 15, code: "11", title: "On the composition of the convicted, committed offences", periodicity: "quarterly", deadline: by(10) },
  { number: 16, code: "12", title: "On the conviction of minors", periodicity: "quarterly", deadline: by(10) },
  { number: 17, code: "7-K", title: "Report on consideration of civil cases in cassation instance", periodicity: "quarterly", deadline: by(9) },
  {
    number: 18,
    code: "6-K",
    title: "Report on the work of the cassation instance on consideration of criminal cases",
    periodicity: "quarterly",
    deadline: by(10),
  },
  {
    number: 19,
    code: "6A",
    title: "Report on the work of courts of appeal on consideration of criminal cases of persons sentenced to death and life imprisonment",
    periodicity: "quarterly",
    deadline: by(10),
  },
  {
    number: 20,
    code: "6Ka",
    title: "Report on the work of the cassation instance on consideration of criminal cases against persons sentenced to death and life imprisonment",
    periodicity: "quarterly",
    deadline: by(10),
  },
  { number: 21, code: "4", title: "On the work on execution of judicial acts", periodicity: "quarterly", deadline: by(9) },
  {
    number: 22,
    code: "CIS-3",
    title:
      "On criminal offenses committed by foreign citizens and stateless persons, as well as in relation to them, on the territory of the CIS member states",
    periodicity: "quarterly",
    deadline: by(8),
  },
  {
    number: 23,
    code: "CIS-1",
    title: "Statistical information on the state of crime and the results of investigation of criminal offenses",
    periodicity: "quarterly",
    deadline: by(8),
  },
  {
    number: 24,
    code: "1-ET",
    title: "On offences related to extremism and terrorism and the state of Prosecutor's supervision",
    periodicity: "quarterly",
    deadline: by(9),
  },
  {
    number: 25,
    code: "1-P",
    title:
      "On the search of persons, hiding from inquiry, investigation, court, and also of the persons evading from serving punishment or conducting probation control, missing persons, lost contacts with relatives, debtors in the enforcement proceedings, the defendants on claims brought in the interests of the state, on recovering alimony, compensation for harm caused by injury or other damage of health or death of a breadwinner, as well as on the results of works on identification of corpses and persons who are not able to give identification data about themselves",
    periodicity: "monthly",
    deadline: by(5),
  },
  {
    number: 26,
    code: "3-K",
    title:
      "On corruption crimes, persons who committed them, convicted persons, movement of criminal cases on corruption crimes and on the subjects of corruption offenses",
    periodicity: "monthly",
    deadline: by(9),
  },
];

export function findForm(number: number): ReportForm | undefined {
  return REPORT_FORMS.find((f) => f.number === number);
}

/** "1-M", or "No. 8" for the form without a code — for lists and messages. */
export function formLabel(form: ReportForm): string {
  return form.code ?? `No. ${form.number}`;
}
