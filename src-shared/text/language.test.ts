import { describe, expect, it } from 'vitest';
import { guessLanguage, resolveLanguage } from './language';

describe('guessLanguage', () => {
  it.each([
    ['中国人民银行周一宣布下调存款准备金率。', 'zh', 'ltr'],
    ['日本銀行は月曜日、金融政策の変更を発表した。', 'ja', 'ltr'],
    ['한국은행은 월요일 기준금리를 발표했다.', 'ko', 'ltr'],
    ['Центральный банк объявил о снижении ставки.', 'ru', 'ltr'],
    ['Національний банк оголосив про зниження ставки.', 'uk', 'ltr'],
    ['أعلن البنك المركزي يوم الاثنين خفض نسبة الاحتياطي.', 'ar', 'rtl'],
    ['بانک مرکزی روز دوشنبه کاهش نرخ ذخیره را اعلام کرد.', 'fa', 'rtl'],
    ['הבנק המרכזי הודיע ביום שני על הפחתת הריבית.', 'he', 'rtl'],
    ['The central bank cut its reserve ratio on Monday.', '', 'ltr'],
  ])('%s → %s %s', (text, language, direction) => {
    expect(guessLanguage(text)).toEqual({ language, direction });
  });
});

describe('resolveLanguage', () => {
  it('keeps a declaration the text agrees with', () => {
    expect(resolveLanguage('The bank cut rates.', { lang: 'en_GB' })).toEqual({ language: 'en-GB', direction: 'ltr' });
    expect(resolveLanguage('أعلن البنك المركزي', { lang: 'ar-EG', dir: 'ltr' })).toEqual({ language: 'ar-EG', direction: 'rtl' });
  });

  it('believes the script over a template’s lang="en"', () => {
    expect(resolveLanguage('أعلن البنك المركزي يوم الاثنين', { lang: 'en' })).toEqual({ language: 'ar', direction: 'rtl' });
  });
});
