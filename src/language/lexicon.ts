/**
 * The hand-kept word lists of English news prose that several stages share — calendar words, number words,
 * titles, abbreviations, demonyms, verbs of telling — and the regular-expression fragments built from them.
 * One place, so the lists cannot drift apart. Where stages need a slightly different list (which
 * abbreviations keep their dot, whether "May." may take a dot), the variant is a named export here, never a
 * private copy in the stage. Learned lexicons (the quote cues) live with the models that use them.
 */

// --- calendar ---

/** Month names, January first. */
export const MONTHS_FULL = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Short forms of month names, without their dot ("Jan", "Sept"); May has none. Longer forms first. */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Weekday names, Sunday first (the order of `Date.getUTCDay`). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Weekday names in lower case, Sunday first. */
export const WEEKDAYS_LOWER: readonly string[] = WEEKDAYS.map((d) => d.toLowerCase());

/** Month names in lower case, January first. */
export const MONTHS_LOWER: readonly string[] = MONTHS_FULL.map((m) => m.toLowerCase());

/** Each month's written forms, longest first: ["September", "Sept", "Sep"]. */
const monthForms = (full: string) => [full, ...MONTH_ABBREVIATIONS.filter((a) => full.startsWith(a))];

/**
 * A month's name, full or short, without a trailing dot ("Jan", "January", "Sept"): for patterns of other
 * modules. Case as written; add the `i` flag to take "JAN" or "jan".
 */
export const MONTH_NAME = `(?:${MONTHS_FULL.flatMap(monthForms).join('|')})`;

/** A month's name, full or short, with an optional dot after either ("Jan.", "May.", "January"). */
export const MONTH_ANY_DOT = `${MONTH_NAME}\\.?`;

/** A month as dates write it: a full name, or a short one with or without its dot ("Jan.", "Sept"; not "May."). */
export const MONTH_WITH_DOT = `(?:${[...MONTHS_FULL, ...MONTH_ABBREVIATIONS.map((a) => `${a}\\.?`)].join('|')})`;

/** A weekday's full name. */
export const WEEKDAY_NAME = `(?:${WEEKDAYS.join('|')})`;

/**
 * The number (1-12) of a month name that a month pattern matched ("Sept." → 9, "december" → 12), read
 * from its first three letters; undefined for anything else.
 */
export function monthNumber(name: string): number | undefined {
  const i = MONTHS_LOWER.findIndex((m) => m.slice(0, 3) === name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

// --- numbers ---

/** One to nine. */
export const UNIT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
/** Ten to nineteen. */
export const TEEN_WORDS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
/** Twenty to ninety, by tens. */
export const TENS_WORDS = [
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;
/** Scale words and what they multiply by. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
/** Short scales written after figures ("5k", "$3bn", "10 mn"); "m" is a scale only after digits. */
export const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
/** Nouns that stand for a number in a count, outside the cardinal grammar ("a dozen", "half"). */
export const NUMBER_NOUNS: Readonly<Record<string, number>> = { dozen: 12, half: 0.5 };

/** Ordinal words, first to twentieth, and the tens. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};

/** The value of an ordinal, in words or figures ("third" → 3, "3rd" → 3, "21st" → 21). */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return digits ? Number(digits[1]) : ORDINAL_WORDS[w];
}

const CARDINAL = new Map<string, number>([
  ...UNIT_WORDS.map((w, i): [string, number] => [w, i + 1]),
  ...TEEN_WORDS.map((w, i): [string, number] => [w, i + 10]),
  ...TENS_WORDS.map((w, i): [string, number] => [w, (i + 2) * 10]),
]);

/** A number from 1 to 99 in words: "seven", "seventeen", "seventy", "seventy-seven", "seventy seven". */
const BELOW_100 = `(?:(?:${TENS_WORDS.join('|')})(?:[- ](?:${UNIT_WORDS.join('|')}))?|${TEEN_WORDS.join('|')}|${UNIT_WORDS.join('|')})`;
/** Up to 999: "a hundred", "one hundred and five", "fifteen hundred", "twenty". */
const BELOW_1000 = `(?:(?:a|an|${BELOW_100})\\s+hundred(?:\\s+(?:and\\s+)?${BELOW_100})?|${BELOW_100})`;
const LARGE_SCALE = Object.keys(SCALE_WORDS)
  .filter((w) => w !== 'hundred')
  .join('|');

/**
 * A cardinal number in words, lower case (use with the `i` flag): one to ninety-nine, with hyphen or space
 * ("twenty-one", "twenty one"), hundreds ("a hundred", "one hundred and five", a bare "hundred") and one
 * larger scale ("two thousand", "a million", "three hundred thousand and twelve"). Every match reads with
 * `parseNumberWords`.
 */
export const NUMBER_WORDS = `(?:(?:a|an|${BELOW_1000})\\s+(?:${LARGE_SCALE})(?:\\s+(?:and\\s+)?${BELOW_1000})?|${BELOW_1000}|hundred)`;

type Step = 'start' | 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and';

/**
 * Read a cardinal number written in words from word `i` on: the value and the index after its last word, or
 * undefined when word i starts none. `wordAt(k)` gives word k (any case; a hyphenated word like
 * "twenty-one" is read part by part but taken whole or not at all), or undefined where the number must stop
 * (the end, punctuation between words). "a"/"an" count one ("a week", "a hundred"); a bare "hundred" is a
 * hundred; "and" joins only after a hundred or a scale ("one hundred and five"), and not when a scale follows
 * the words after it ("between one hundred and two hundred" reads one hundred).
 */
export function readNumberWords(
  wordAt: (k: number) => string | undefined,
  i: number,
): { value: number; next: number } | undefined {
  let total = 0;
  let group = 0;
  let last: Step = 'start';
  let lastScale = Number.POSITIVE_INFINITY;
  let best: { value: number; next: number } | undefined;
  /** The reading before an "and", to fall back on when a scale follows the words after it. */
  let beforeAnd: { value: number; next: number } | undefined;
  for (let k = i; ; k++) {
    const word = wordAt(k);
    if (word === undefined) break;
    const parts = word.toLowerCase().split('-');
    let ok = parts.every((p) => p !== '');
    for (let p = 0; ok && p < parts.length; p++) {
      const w = parts[p];
      const v = CARDINAL.get(w);
      const scale = SCALE_WORDS[w];
      if ((w === 'a' || w === 'an') && last === 'start' && parts.length === 1) {
        group = 1;
        last = 'a';
      } else if (v !== undefined && v < 10) {
        if (last === 'tens' || last === 'start' || last === 'hundred' || last === 'and' || last === 'scale') {
          group += v;
          last = 'unit';
        } else ok = false;
      } else if (v !== undefined && v < 20) {
        if (last === 'start' || last === 'hundred' || last === 'and' || last === 'scale') {
          group += v;
          last = 'teen';
        } else ok = false;
      } else if (v !== undefined) {
        if (last === 'start' || last === 'hundred' || last === 'and' || last === 'scale') {
          group += v;
          last = 'tens';
        } else ok = false;
      } else if (w === 'hundred') {
        if (last === 'start') group = 100;
        else if ((last === 'a' || last === 'unit' || last === 'teen' || last === 'tens') && group < 100)
          group *= 100;
        else ok = false;
        if (ok) last = 'hundred';
      } else if (scale !== undefined) {
        if (last !== 'start' && last !== 'and' && last !== 'scale' && group > 0 && scale < lastScale) {
          total += group * scale;
          group = 0;
          lastScale = scale;
          last = 'scale';
        } else ok = false;
      } else if (w === 'and' && parts.length === 1 && (last === 'hundred' || last === 'scale')) {
        beforeAnd = best;
        last = 'and';
      } else ok = false;
    }
    if (!ok) break;
    if (last !== 'and') best = { value: total + group, next: k + 1 };
  }
  // "one hundred and two hundred": the words after "and" begin a number of their own.
  if (beforeAnd && best && best.next > beforeAnd.next) {
    const after = wordAt(best.next)?.toLowerCase();
    if (after !== undefined && after in SCALE_WORDS) return beforeAnd;
  }
  return best;
}

/** The value of a text that is wholly a cardinal number in words ("twenty one", "a hundred"); else undefined. */
export function parseNumberWords(text: string): number | undefined {
  const words = text.trim().split(/\s+/);
  const read = readNumberWords((k) => words[k], 0);
  return read && read.next === words.length ? read.value : undefined;
}

// --- words that are never names ---

/**
 * Pronouns, determiners, interjections and sentence adverbs: written with a capital at the start of a sentence
 * or a quotation they look like names to a tagger ("Nobody has been killed", "Gosh, it's…", "Moreover, …"),
 * but alone they never name anyone.
 */
export const NEVER_NAMES: readonly string[] = `nobody everybody everyone anyone anybody someone somebody noone
nothing everything something anything none whoever whatever whichever whomever
gosh golly wow hey hello hi ah aha oh ooh ouch alas yeah yep nope okay ok amen bravo cheers
moreover furthermore nevertheless nonetheless however therefore hence thus meanwhile otherwise besides
likewise accordingly consequently indeed instead anyway anyhow overall additionally similarly alternatively
notably admittedly apparently evidently presumably surely certainly obviously clearly basically
hopefully unfortunately fortunately sadly luckily thankfully regardless`.split(/\s+/);

/**
 * Head nouns of the names of institutions and places that news never uses alone as a name: "Committee" of
 * "Senate Foreign Relations Committee", "Center" of "Harbor-UCLA Medical Center", "Hall" of "City Hall". (Heads
 * that do name one body alone in news — "Congress", "Army", "Gulf", "Parliament" — are not listed.)
 */
export const BARE_HEAD_NOUNS: readonly string[] = `center centre hall committee subcommittee city battalion
regiment cabinet division bureau department office agency ministry branch`.split(/\s+/);

/** Abbreviations of time zones, which datelines glue to a name ("7:56 pm EDT SURMAN, Libya"). */
export const TIME_ZONES: readonly string[] =
  `EDT EST CDT CST MDT MST PDT PST AKST HST GMT BST UTC CET CEST IST
AEST AEDT JST`.split(/\s+/);

// --- people and their titles ---

/** Titles and roles: before a name they make it a person and are not part of the name ("Foreign Minister"). */
export const TITLES: readonly string[] =
  `president president-elect minister secretary prime premier chancellor
king queen prince princess sheikh emir general gen lt col colonel major maj captain capt sergeant corporal commander
admiral ambassador envoy senator sen governor gov mayor judge justice chief spokesman spokeswoman spokesperson
director chairman chairwoman chair ceo founder leader deputy foreign defence defense interior state mr mrs ms dr
prof professor pope cardinal bishop rabbi imam ayatollah lord lady sir officer inspector superintendent
detective analyst researcher historian correspondent reporter editor master harbourmaster comrade`.split(
    /\s+/,
  );

/** Abbreviated titles and name suffixes, lower case, without their dot ("Lt. Gen.", "Dr.", "Jr."). */
export const TITLE_ABBREVIATIONS: readonly string[] = `mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov
sen rep st sr jr rev hon pres supt insp det`.split(/\s+/);

/**
 * English given names and the short forms they go by, one family a line: the formal name first, then its
 * short forms ("James Hall" is "Jim Hall"). A short form may belong to several formal names ("Chris", "Alex").
 */
const NICKNAME_FAMILIES = `james jim jimmy jamie
michael mike mikey mick mickey
robert bob bobby rob robbie
william bill billy will willie
richard dick rick ricky rich richie
thomas tom tommy
john jack johnny
joseph joe joey
charles charlie chuck
christopher chris
christine chris tina
christina chris tina
daniel dan danny
david dave davey
edward ed eddie ted ned
theodore ted teddy
stephen steve stevie
steven steve stevie
nicholas nick nicky
anthony tony
andrew andy drew
benjamin ben benny
matthew matt
patrick pat paddy
patricia pat patty trish
peter pete
samuel sam sammy
samantha sam
timothy tim timmy
gregory greg
jeffrey jeff
geoffrey geoff jeff
kenneth ken kenny
lawrence larry
ronald ron ronnie
donald don donny
gerald gerry jerry
jerome jerry
henry harry hank
harold harry hal
frederick fred freddie
alfred alf fred
alexander alex
alexandra alex
elizabeth liz beth betty lizzie
katherine kate kathy katie
catherine cathy kate katie
kathryn kate kathy katie
margaret maggie meg peggy
jennifer jen jenny
susan sue susie
deborah debbie deb
rebecca becky
victoria vicky
jacqueline jackie
philip phil
phillip phil
raymond ray
leonard len lenny
abraham abe
zachary zach
joshua josh
jonathan jon
vincent vince
douglas doug
walter walt
albert al bert
eugene gene
francis frank
franklin frank
jacob jake
louis lou
mitchell mitch
randall randy
russell russ
terence terry
terrence terry
bradley brad
cynthia cindy
pamela pam
barbara barb
judith judy
gabriel gabe
nicole nikki
nathaniel nate
nathan nate
frances fran
allison ally
jessica jess jessie
joanna jo
josephine jo josie
dorothy dot dottie
sandra sandy`;

/** Formal given names by short form, lower case: "jim" → ["james"], "chris" → ["christopher", ...]. */
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const line of NICKNAME_FAMILIES.split('\n')) {
    const [formal, ...short] = line.trim().split(/\s+/);
    for (const s of short) out.set(s, [...(out.get(s) ?? []), formal]);
  }
  return out;
})();

/** The abbreviated titles a quote's speaker may be cut down to ("Lt." of "Lt. Gen. Charles Bouchard"). */
export const SPEAKER_TITLE_ABBREVIATIONS: readonly string[] =
  'lt gen col maj capt sgt adm dr mr mrs ms sen rep gov prof rev st pres'.split(' ');

/**
 * Abbreviations written with a capital that keep their dot as part of the word ("Mr.", "Jr."), for the
 * entity tokenizer; the ones after which a sentence may still end are SENTENCE_FINAL_ABBREVIATIONS.
 */
export const DOTTED_NAME_ABBREVIATIONS: readonly string[] = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Gen',
  'Lt',
  'Col',
  'Sen',
  'Gov',
  'St',
  'Jr',
  'Sr',
];

/** Abbreviations whose dot a quote keeps at its end ("… said Mr."): titles, name suffixes and firms. */
export const QUOTE_END_ABBREVIATIONS: readonly string[] = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Jr',
  'Sr',
  'Inc',
  'Co',
  'St',
];

// --- abbreviations the sentence splitter does not split on ---

/**
 * Lower case, without the final dot: titles, "no."/"vs."/"etc."-like words, firms, the months, street words,
 * dotted acronyms and U.S. state abbreviations.
 */
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  ...'no nos vs etc approx dept est fig inc ltd co corp bros'.split(' '),
  ...MONTH_ABBREVIATIONS.map((a) => a.toLowerCase()),
  ...'mt ft ave blvd rd u.s u.k u.n e.g i.e ph.d ore calif mass conn fla ill mich minn tenn wash wis ariz colo'.split(
    ' ',
  ),
]);

/** Abbreviations that often end a sentence too: after them a capitalized word that is no date starts one. */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'a.m',
  'p.m',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'jr',
  'sr',
  'bros',
]);

// --- places and peoples ---

/** Demonyms of countries often in the news, and the country each names, lower case. */
export const DEMONYMS: Readonly<Record<string, string>> = {
  russian: 'russia',
  syrian: 'syria',
  turkish: 'turkey',
  iranian: 'iran',
  iraqi: 'iraq',
  american: 'america',
  british: 'britain',
  french: 'france',
  chinese: 'china',
  israeli: 'israel',
  ukrainian: 'ukraine',
  german: 'germany',
  lebanese: 'lebanon',
  egyptian: 'egypt',
  saudi: 'saudi',
  afghan: 'afghanistan',
};

// --- reporting ---

/** Reporting verbs whose object comes before what is said: "told reporters that …", "asked him whether …". */
export const TELLING_VERBS: readonly string[] =
  `told tell tells telling asked ask asks asking reminded reminding
assured warned warning urged urging informed convinced persuaded`.split(/\s+/);

/** Reporting verbs that follow a speaker's name as the news usually writes them ("Lavrov said"). */
export const NAME_REPORTING_VERBS: readonly string[] = ['said', 'says', 'told', 'added'];

/**
 * Verbs that report speech or writing, in the forms news uses: a quotation with one of them (or "according to")
 * outside its marks names its speaker; without, it is unattributed.
 */
export const REPORTING_VERBS: readonly string[] =
  `said says say saying told tells tell added adds asked asks wrote writes stated states explained explains
noted notes insisted insists declared declares announced announces replied replies recalled recalls argued
argues warned warns claimed claims admitted admits continued continues quipped tweeted posted responded
responds acknowledged acknowledges testified testifies described describes called calls urged urges pleaded
concluded concludes conceded concedes confirmed confirms denied denies reported reports suggested suggests
predicted predicts vowed vows promised promises joked shouted yelled cried whispered observed observes
remarked remarks commented comments emphasized emphasizes stressed stresses read reads mutters muttered`.split(
    /\s+/,
  );

// --- page furniture (HTML extraction; English, German, French, Spanish, Portuguese, Italian) ---

/**
 * Headings that open a block of links to other articles ("Related articles", "Mehr zum Thema", "À lire
 * aussi"), lower-cased. A short line that is one of them, or starts with one followed by a colon, is a
 * teaser's, not the article's.
 */
export const RELATED_HEADINGS: readonly string[] = [
  'related',
  'related articles',
  'related stories',
  'related posts',
  'related content',
  'related links',
  'related news',
  'read also',
  'read more',
  'also read',
  'see also',
  'more on this topic',
  'more on this story',
  'more stories',
  'more news',
  'you may also like',
  'you might also like',
  'recommended',
  'recommended for you',
  'explore further',
  'most read',
  'most popular',
  'further reading',
  'mehr zum thema',
  'mehr themen',
  'das könnte sie auch interessieren',
  'das könnte dich auch interessieren',
  'das könnte ihnen auch gefallen',
  'lesen sie auch',
  'lies auch',
  'auch interessant',
  'weitere artikel',
  'weitere beiträge',
  'weitere meldungen',
  'weitere nachrichten',
  'ähnliche beiträge',
  'ähnliche artikel',
  'verwandte artikel',
  'verwandte beiträge',
  'neueste artikel',
  'neueste beiträge',
  'schon gelesen',
  'meistgelesen',
  'meistgelesene artikel',
  'empfehlungen',
  'vorschau auf den nächsten artikel',
  'à lire aussi',
  'lire aussi',
  'à découvrir',
  'à voir aussi',
  'voir aussi',
  'sur le même sujet',
  'articles similaires',
  'dans la même rubrique',
  'artículos relacionados',
  'noticias relacionadas',
  'te puede interesar',
  'también te puede interesar',
  'lea también',
  'lee también',
  'más noticias',
  'veja também',
  'leia também',
  'notícias relacionadas',
  'articoli correlati',
  'leggi anche',
];

/**
 * Lines that open the reader comments or their form ("Leave a reply", "Kommentare (3)", "Keine Kommentare"),
 * lower-cased; a count in brackets may follow.
 */
export const COMMENT_HEADINGS: readonly string[] = [
  'comments',
  'comment',
  'no comments',
  'leave a reply',
  'leave a comment',
  'post a comment',
  'add a comment',
  'add your comment',
  'reader comments',
  'have your say',
  'kommentare',
  'kommentar',
  'keine kommentare',
  'kommentieren',
  'kommentar schreiben',
  'kommentar verfassen',
  'schreibe einen kommentar',
  'hinterlasse einen kommentar',
  'diskutieren sie mit',
  'leserkommentare',
  'commentaires',
  'laisser un commentaire',
  'ajouter un commentaire',
  'comentarios',
  'deja un comentario',
  'deixe um comentário',
  'commenti',
  'lascia un commento',
];

/**
 * Openings of page-furniture lines in the languages above, lower-cased: rights notices, subscription and
 * log-in prompts, share and rating prompts, follow-us lines. A short line starting with one is not the
 * article's.
 */
export const FURNITURE_LINE_OPENINGS: readonly string[] = [
  'alle rechte vorbehalten',
  'tous droits réservés',
  'todos los derechos reservados',
  'todos os direitos reservados',
  'tutti i diritti riservati',
  'abonnieren sie',
  'jetzt abonnieren',
  'newsletter abonnieren',
  'melden sie sich',
  'sie sind aktuell nicht eingeloggt',
  'sie müssen sich einloggen',
  'bitte registrieren sie sich',
  'artikel teilen',
  'beitrag teilen',
  'möchten sie den artikel teilen',
  'teilen sie diesen',
  'war der artikel',
  'war dieser artikel',
  'wie bewerten sie',
  'ist dieser beitrag hilfreich',
  'folgen sie uns',
  'folge uns',
  'abonnez-vous',
  'inscrivez-vous',
  'suivez-nous',
  'pour lire la suite',
  'pour accéder',
  'partager cet article',
  'suscríbete',
  'síguenos',
  'siguenos',
  'compartir en',
  'siga-nos',
  'assine',
  'seguici',
  'iscriviti',
];

/** Openings of photo-credit and source lines ("Foto: …", "Bild: …", "Quelle: …"), lower-cased. */
export const CREDIT_LINE_OPENINGS: readonly string[] = [
  'foto',
  'fotos',
  'bild',
  'bilder',
  'quelle',
  'quellen',
  'photo',
  'photos',
  'image',
  'crédit',
  'crédits',
  'crédits photos',
  'credit',
  'credits',
  'fuente',
];

/**
 * Words that negate what follows them ("not", "never", "-n't" split off by the tokenizer): the same-fact model
 * counts them, citations read what they bear on.
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
]);
