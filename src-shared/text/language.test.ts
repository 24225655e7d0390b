import { describe, expect, it } from 'vitest';
import { countScripts, directionOf, guessLanguage, scriptDirection } from './language';

describe('guessLanguage (the script rules)', () => {
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

describe('scripts and directions', () => {
  it('takes the direction from the letters, whatever the language', () => {
    expect(scriptDirection(countScripts('غزة'))).toBe('rtl');
    expect(scriptDirection(countScripts('Reuters 12:30'))).toBe('ltr');
    expect(scriptDirection(countScripts('12:30'))).toBe('ltr');
  });

  it('knows the right-to-left languages by primary subtag', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('en_GB')).toBe('ltr');
    expect(directionOf('')).toBe('ltr');
  });
});
