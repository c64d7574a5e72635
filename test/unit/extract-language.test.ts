import assert from 'node:assert/strict';
import { test } from 'node:test';
import { franc } from 'franc-min';
import { detectLanguage, francLanguage } from '../../src/extract/language.js';

/** Invented texts in several scripts and languages, with punctuation, digits and odd casing. */
const TEXTS = [
  'The harbour at Inchmore reopened on Sunday after forty days, and the first ferry left at 7:15 with 212 passengers.',
  'Le port d’Inchmore a rouvert dimanche après quarante jours ; le premier ferry est parti à 7 h 15 avec 212 passagers.',
  'Der Hafen von Inchmore wurde am Sonntag nach vierzig Tagen wieder geöffnet, und die erste Fähre fuhr um 7.15 Uhr ab.',
  'El puerto de Inchmore reabrió el domingo después de cuarenta días y el primer ferri salió a las 7.15 con 212 pasajeros.',
  'O porto de Inchmore reabriu no domingo depois de quarenta dias, e a primeira balsa partiu às 7h15 com 212 passageiros.',
  'Il porto di Inchmore ha riaperto domenica dopo quaranta giorni e il primo traghetto è partito alle 7.15 con 212 passeggeri.',
  'Порт Инчмор вновь открылся в воскресенье после сорока дней, и первый паром отправился в 7:15 с 212 пассажирами.',
  'Порт Інчмор знову відкрився в неділю після сорока днів, і перший пором вирушив о 7:15 із 212 пасажирами на борту.',
  'Το λιμάνι του Ίντσμορ άνοιξε ξανά την Κυριακή μετά από σαράντα ημέρες και το πρώτο πλοίο έφυγε στις 7:15.',
  'أعيد فتح ميناء إنشمور يوم الأحد بعد أربعين يوما وغادرت أول عبارة في الساعة السابعة والربع وعلى متنها ركاب.',
  'इंचमोर का बंदरगाह चालीस दिनों के बाद रविवार को फिर से खुल गया और पहली नौका सवा सात बजे रवाना हुई।',
  '因奇莫尔港在关闭四十天后于星期日重新开放，第一班渡轮于七点十五分载着二百一十二名乘客出发。',
  'インチモア港は四十日ぶりに日曜日に再開し、最初のフェリーは七時十五分に二百十二人の乗客を乗せて出発した。',
  '인치모어 항구는 사십 일 만에 일요일에 다시 문을 열었고 첫 페리는 일곱 시 십오 분에 출발했습니다.',
  'ท่าเรืออินช์มอร์เปิดอีกครั้งในวันอาทิตย์หลังจากปิดไปสี่สิบวัน และเรือเฟอร์รี่ลำแรกออกเดินทางแล้ว',
  'İNCHMORE LİMANI KIRK GÜN SONRA PAZAR GÜNÜ YENİDEN AÇILDI VE İLK FERİBOT SAAT 7.15’TE KALKTI.',
  '1234567890 ,.;:!? 1234567890 ,.;:!? 1234567890 ,.;:!? 1234567890 ,.;:!?',
  'Harbour harbour harbour harbour harbour harbour harbour harbour harbour harbour harbour.',
  'short text',
  '',
];

test('francLanguage gives franc-min’s answer on every text and every prefix', () => {
  for (const text of TEXTS)
    for (let end = 0; end <= text.length; end += 7) {
      const s = text.slice(0, end);
      assert.equal(francLanguage(s), franc(s, { minLength: 40 }), s);
    }
  const long = TEXTS.slice(0, 6).join(' ').repeat(8); // past franc's 2,048-character sample
  assert.equal(francLanguage(long), franc(long, { minLength: 40 }));
});

test('detectLanguage maps to ISO 639-1 and says "und" for short text', () => {
  assert.equal(detectLanguage(TEXTS[0]), 'en');
  assert.equal(detectLanguage(TEXTS[2]), 'de');
  assert.equal(detectLanguage('too short'), 'und');
});
