/** Yuan as people read it: ¥3,000 or ¥1,234.5. */
export const yuan = (value: number) => `¥${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** Yuan as the API sends new figures (an exact decimal string, "1234.50"): ¥1,234.50, never through a float. */
export const yuanExact = (amount: string) => {
  const [whole = '0', cents = '00'] = amount.replace(/^-/, '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0')}`;
};

/** A date and time in Beijing time, the way the public reads it. */
export const beijing = (iso: string, lang: 'zh' | 'en') =>
  new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });

export const day = (iso: string, lang: 'zh' | 'en') =>
  new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
