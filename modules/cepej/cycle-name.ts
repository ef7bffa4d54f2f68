// A cycle's name on the pages. Cycles are stored with an English name; the usual one ("Evaluation
// cycle 2022–2024", as the seed and the new-cycle form's example write it) is shown in the user's
// language, a name an administrator wrote differently is shown as written.

export function cycleName(cycle: { slug: string; name: string }, usual: (years: { from: string; to: string }) => string): string {
  const years = /^(\d{4})-(\d{4})$/.exec(cycle.slug);
  if (!years) return cycle.name;
  const [, from, to] = years;
  return cycle.name.replace(/\s+/g, " ").trim() === `Evaluation cycle ${from}–${to}` ? usual({ from, to }) : cycle.name;
}
