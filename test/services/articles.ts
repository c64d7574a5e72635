/**
 * Invented news pages for the services tier and the scaling benchmark: `topics` made-up events, each reported
 * by several made-up outlets over a few days, in our own words. Distinct inputs (each page names its outlet
 * and day), deterministic for a given count.
 */
/** Made-up proper names from syllables, one set per topic, so that topics share no names. */
const SYLLABLES = [
  'bra',
  'vel',
  'tor',
  'mis',
  'kan',
  'dor',
  'lue',
  'fen',
  'gri',
  'sol',
  'ary',
  'ost',
  'pim',
  'quen',
];
function name(t: number, salt: number): string {
  const k = t * 37 + salt * 131 + t * t;
  const w = SYLLABLES[k % 14] + SYLLABLES[Math.floor(k / 14) % 14] + SYLLABLES[(t + salt * 5) % 14];
  return w[0].toUpperCase() + w.slice(1);
}
const OUTLETS = ['Northline Wire', 'Coastal Courier', 'Valley Ledger', 'Harbour Radio', 'The Morning Post'];
type Names = { place: string; person: string; org: string; n: number };
const EVENTS: ((x: Names) => [string, string])[] = [
  (x) => [
    `Ferry ${x.org} Star delayed by fog at ${x.place}`,
    `The ferry ${x.org} Star left ${x.place} two hours late after thick fog closed the estuary, harbour master ${x.person} said. Some ${x.n} passengers waited in the terminal. The operator expects the timetable to recover once the fog lifts.`,
  ],
  (x) => [
    `${x.place} library opens ${x.org} wing`,
    `The library in ${x.place} opened its ${x.org} wing, adding reading rooms and a children's corner. Librarian ${x.person} said visits had doubled to ${x.n} a day. Volunteers will run weekend workshops in the new rooms.`,
  ],
  (x) => [
    `${x.org} orchards near ${x.place} report record harvest`,
    `Growers of the ${x.org} cooperative near ${x.place} said this year's apple crop, ${x.n} tonnes, was the largest in a decade. Chair ${x.person} credited a wet spring and a warm summer. Market prices fell as the fruit arrived.`,
  ],
  (x) => [
    `${x.place} tram survey backs ${x.org} river route`,
    `Engineers led by ${x.person} published a survey of the proposed tram line in ${x.place}, backing the ${x.org} route along the river at a cost of ${x.n} million. The transport board will vote after a consultation.`,
  ],
  (x) => [
    `Storm tears roofs off ${x.n} homes in ${x.place}`,
    `High winds damaged ${x.n} roofs across ${x.place} overnight, fire chief ${x.person} said. Crews closed ${x.org} Street while loose slates were cleared. The council opened a hall for families who could not stay at home.`,
  ],
];

export interface InventedPage {
  name: string;
  text: string;
}

/** `count` pages over `topics` events (default: one event per six pages). */
export function inventedPages(count: number, topics = Math.max(1, Math.ceil(count / 6))): InventedPage[] {
  const out: InventedPage[] = [];
  for (let i = 0; i < count; i++) {
    const t = i % topics;
    const names = {
      place: name(t, 1),
      person: `${name(t, 2)} ${name(t, 3)}`,
      org: name(t, 4),
      n: 20 + 3 * t,
    };
    const [title, body] = EVENTS[t % EVENTS.length](names);
    const outlet = OUTLETS[Math.floor(i / topics) % OUTLETS.length];
    // Each event in a month of its own (two weeks apart), its reports over three days.
    const day = new Date(Date.UTC(2024, 0, 1 + 14 * t + (Math.floor(i / topics) % 3)));
    const date = day.toISOString().slice(0, 10);
    const copy = Math.floor(i / topics);
    out.push({
      name: `p${String(i).padStart(4, '0')}.txt`,
      text: `${title}\n\nBy ${outlet} staff, ${date}\n\n${outlet} reported on ${date}: ${body} This is report ${copy + 1} on the story.\n`,
    });
  }
  return out;
}
