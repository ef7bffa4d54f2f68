// The licence of every open dataset, named once: the JSON metadata, the CSV's catalogue entry
// (GET /api/open-data/catalog) and the open-data page all show this one.
export const OPEN_DATA_LICENCE = {
  id: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;
