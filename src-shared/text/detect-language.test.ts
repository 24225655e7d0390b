import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, francLanguage, resolveLanguage } from './detect-language';
import { bcp47FromIso6393 } from './iso639';
import { guessLanguage } from './language';
import { parseLanguageSamples, scoreDetection } from './language-eval';

describe('detectLanguage', () => {
  it.each([
    ['The city council voted to delay the opening of the new tram line until next spring, citing rising costs.', 'en'],
    ['Le conseil municipal a voté le report de l’ouverture de la nouvelle ligne de tramway au printemps prochain.', 'fr'],
    ['Der Stadtrat hat beschlossen, die Eröffnung der neuen Straßenbahnlinie auf das nächste Frühjahr zu verschieben.', 'de'],
    ['El ayuntamiento votó el martes aplazar la apertura de la nueva línea de tranvía hasta la próxima primavera.', 'es'],
    ['Центральный банк объявил о снижении ключевой ставки на половину процентного пункта с понедельника.', 'ru'],
    ['Національний банк оголосив про зниження облікової ставки на пів відсотка з понеділка.', 'uk'],
    ['أعلن البنك المركزي يوم الاثنين خفض نسبة الاحتياطي الإلزامي بمقدار نصف نقطة.', 'ar'],
    ['بانک مرکزی روز دوشنبه کاهش نرخ ذخیره قانونی را اعلام کرد.', 'fa'],
    ['הבנק המרכזי הודיע ביום שני על הפחתת הריבית.', 'he'],
    ['日本銀行は月曜日、金融政策の変更を発表した。', 'ja'],
    ['中国人民银行周一宣布下调存款准备金率。', 'zh'],
    ['한국은행은 월요일 기준금리를 발표했다.', 'ko'],
  ])('names the language of %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('names no language for a text too short to judge, but keeps the direction its script gives', () => {
    for (const text of ['OK', 'AFP', '14.05.2024', 'Reuters, 12:30', 'Paris – Berlin', 'Москва']) expect(detectLanguage(text)).toEqual({ language: '', direction: 'ltr' });
    expect(detectLanguage('مصر')).toEqual({ language: '', direction: 'rtl' });
    expect(detectLanguage('تل أبيب')).toEqual({ language: '', direction: 'rtl' });
  });

  it('leaves a short text unnamed where a second language fits nearly as well (franc alone guesses)', () => {
    // franc alone calls these Dutch and Central Kurdish.
    expect(francLanguage('"We came here to listen," Marnow said.').language).not.toBe('en');
    expect(detectLanguage('"We came here to listen," Marnow said.').language).toBe('');
    expect(detectLanguage('"The door is open," Wang Yi said after the meeting.').language).toBe('');
  });

  it('drops languages whose alphabet the letters rule out', () => {
    // ы is not Bulgarian; ي-less Arabic without ی ک گ is not Persian; ے ں are Urdu.
    expect(francLanguage('Цены на овощи выросли за неделю на три процента.').language).toBe('bg');
    expect(detectLanguage('Цены на овощи выросли за неделю на три процента.').language).toBe('ru');
    expect(detectLanguage('حکومت نے بجلی کی قیمتوں میں اضافے کا اعلان کر دیا ہے۔')).toEqual({ language: 'ur', direction: 'rtl' });
  });
});

describe('resolveLanguage', () => {
  it('keeps a declaration the text agrees with, even where the trigrams would not', () => {
    expect(resolveLanguage('The bank cut rates.', { lang: 'en_GB' })).toEqual({ language: 'en-GB', direction: 'ltr' });
    expect(resolveLanguage('Mr. Vale spoke on Monday.', { lang: 'en' })).toEqual({ language: 'en', direction: 'ltr' });
    expect(resolveLanguage('أعلن البنك المركزي', { lang: 'ar-EG', dir: 'ltr' })).toEqual({ language: 'ar-EG', direction: 'rtl' });
  });

  it('believes the script over a template’s lang, either way round', () => {
    expect(resolveLanguage('أعلن البنك المركزي يوم الاثنين', { lang: 'en' })).toEqual({ language: 'ar', direction: 'rtl' });
    const english = 'The city council voted on Tuesday to delay the opening of the new tram line until next spring.';
    expect(resolveLanguage(english, { lang: 'ar', dir: 'rtl' })).toEqual({ language: 'en', direction: 'ltr' });
  });

  it('detects the language when nothing is declared', () => {
    expect(resolveLanguage('Les négociations entre le syndicat et la direction ont repris jeudi matin après trois semaines de grève.')).toEqual({ language: 'fr', direction: 'ltr' });
  });

  it('takes the page’s dir for a script it does not know', () => {
    expect(resolveLanguage('ܫܠܡܐ ܥܠܡܐ ܕܝܠܢ ܗܘ', { dir: 'rtl' }).direction).toBe('rtl');
  });
});

describe('bcp47FromIso6393', () => {
  it('maps to the shortest tag and passes through codes without one', () => {
    expect(bcp47FromIso6393('eng')).toBe('en');
    expect(bcp47FromIso6393('arb')).toBe('ar');
    expect(bcp47FromIso6393('pes')).toBe('fa');
    expect(bcp47FromIso6393('cmn')).toBe('zh');
    expect(bcp47FromIso6393('ceb')).toBe('ceb');
    expect(bcp47FromIso6393('und')).toBe('');
    expect(bcp47FromIso6393('EN')).toBe('');
  });
});

describe('the samples written for the measurement', () => {
  const sets = ['dev', 'heldout', 'heldout-2'].map((name) => parseLanguageSamples(readFileSync(join(import.meta.dirname, 'language-samples', `${name}.txt`), 'utf8')));

  it('parse into labelled texts with their expected language and direction', () => {
    const [dev] = sets;
    expect(dev!.length).toBeGreaterThan(40);
    expect(dev!.find((s) => s.label === 'ar headline')).toMatchObject({ expected: 'ar', direction: 'rtl', text: 'ارتفاع أسعار الذهب' });
    expect(dev!.find((s) => s.label === '-/rtl place')).toMatchObject({ expected: '', direction: 'rtl' });
  });

  // A guard, not the figures (those are `npm run bench language-detect-bench`): the detector the
  // app uses must stay ahead of both parts alone, and rarely name a wrong language.
  it('the combined detector names more right than the script rules or franc alone, and at most one wrong per set', () => {
    for (const samples of sets) {
      const combined = scoreDetection(samples, detectLanguage);
      expect(combined.right).toBeGreaterThan(scoreDetection(samples, guessLanguage).right);
      expect(combined.right).toBeGreaterThan(scoreDetection(samples, francLanguage).right);
      expect(combined.wrong).toBeLessThanOrEqual(1);
      expect(combined.directionRight).toBe(combined.total);
    }
  });
});
