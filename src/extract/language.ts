/** Language identification of article text (franc-min, trigram model shipped in the package). */
import { franc } from 'franc-min';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  rus: 'ru',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tur: 'tr',
  pol: 'pl',
  ukr: 'uk',
  swe: 'sv',
  ell: 'el',
  hin: 'hi',
  ind: 'id',
  vie: 'vi',
  pes: 'fa',
  heb: 'he',
  ron: 'ro',
  ces: 'cs',
  hun: 'hu',
  dan: 'da',
  fin: 'fi',
  nob: 'no',
  tha: 'th',
  ben: 'bn',
};

/** ISO 639-1 code of the text's language, "und" when too short or unknown. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 4000), { minLength: 40 });
  if (code === 'und') return 'und';
  return ISO3_TO_1[code] ?? code;
}
