// Reference data: the Council of Europe's 46 member states and the observer states that answer
// the CEPEJ questionnaire (Israel, Morocco, Kazakhstan); the 20 regions of Kazakhstan with the
// household-survey codes.
type Country = { code: string; iso3: string; name: string; membership: "member" | "observer" };

export const COUNTRIES: Country[] = [
  ["AL", "ALB", "Albania"], ["AD", "AND", "Andorra"], ["AM", "ARM", "Armenia"], ["AT", "AUT", "Austria"],
  ["AZ", "AZE", "Azerbaijan"], ["BE", "BEL", "Belgium"], ["BA", "BIH", "Bosnia and Herzegovina"],
  ["BG", "BGR", "Bulgaria"], ["HR", "HRV", "Croatia"], ["CY", "CYP", "Cyprus"], ["CZ", "CZE", "Czech Republic"],
  ["DK", "DNK", "Denmark"], ["EE", "EST", "Estonia"], ["FI", "FIN", "Finland"], ["FR", "FRA", "France"],
  ["GE", "GEO", "Georgia"], ["DE", "DEU", "Germany"], ["GR", "GRC", "Greece"], ["HU", "HUN", "Hungary"],
  ["IS", "ISL", "Iceland"], ["IE", "IRL", "Ireland"], ["IT", "ITA", "Italy"], ["LV", "LVA", "Latvia"],
  ["LI", "LIE", "Liechtenstein"], ["LT", "LTU", "Lithuania"], ["LU", "LUX", "Luxembourg"], ["MT", "MLT", "Malta"],
  ["MD", "MDA", "Republic of Moldova"], ["MC", "MCO", "Monaco"], ["ME", "MNE", "Montenegro"],
  ["NL", "NLD", "Netherlands"], ["MK", "MKD", "North Macedonia"], ["NO", "NOR", "Norway"], ["PL", "POL", "Poland"],
  ["PT", "PRT", "Portugal"], ["RO", "ROU", "Romania"], ["SM", "SMR", "San Marino"], ["RS", "SRB", "Serbia"],
  ["SK", "SVK", "Slovak Republic"], ["SI", "SVN", "Slovenia"], ["ES", "ESP", "Spain"], ["SE", "SWE", "Sweden"],
  ["CH", "CHE", "Switzerland"], ["TR", "TUR", "Türkiye"], ["UA", "UKR", "Ukraine"], ["GB", "GBR", "United Kingdom"],
].map(([code, iso3, name]): Country => ({ code, iso3, name, membership: "member" }))
  .concat(
    [["IL", "ISR", "Israel"], ["MA", "MAR", "Morocco"], ["KZ", "KAZ", "Kazakhstan"]].map(([code, iso3, name]): Country => ({
      code, iso3, name, membership: "observer",
    })),
  );

export const REGIONS: { code: string; name: string }[] = [
  ["ABA", "Abai"], ["AKM", "Akmola"], ["AKT", "Aktobe"], ["ALM", "Almaty region"], ["ATY", "Atyrau"],
  ["ZKO", "West Kazakhstan"], ["ZHA", "Zhambyl"], ["ZHE", "Zhetisu"], ["KAR", "Karaganda"], ["KOS", "Kostanay"],
  ["KZO", "Kyzylorda"], ["MAN", "Mangystau"], ["PAV", "Pavlodar"], ["SKO", "North Kazakhstan"], ["TUR", "Turkistan"],
  ["ULY", "Ulytau"], ["VKO", "East Kazakhstan"], ["AST", "Astana city"], ["ALA", "Almaty city"], ["SHY", "Shymkent city"],
].map(([code, name]) => ({ code, name }));
