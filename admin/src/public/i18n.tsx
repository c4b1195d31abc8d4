import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Dictionary } from '../i18n/messages.ts';
import { publicPages as en } from '../i18n/en/public.ts';
import { publicPages as zh } from '../i18n/zh/public.ts';

/**
 * The language of the public pages (public.html, survey.html, apply.html): Chinese first, English on request. These
 * pages run without react-admin, so instead of its polyglot they look keys up here, in the same dictionaries the
 * admin's live in (i18n/{zh,en}/public.ts, with the vocabularies' labels from i18n/{zh,en}/vocabulary.ts; apply.html
 * brings its own, i18n/{zh,en}/apply.ts).
 */
export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'guanai.public.lang';

/** `t('disclosure.heading', { period })`: a dotted key, with %{name} placeholders filled in. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

const publicMessages: Record<Lang, Dictionary> = { zh, en };

function lookup(dictionary: Dictionary, key: string): string {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : key;
}

const LangContext = createContext<{ lang: Lang; t: Translate; toggle: () => void }>({
  lang: 'zh',
  t: (key) => key,
  toggle: () => {},
});

/** `messages`: a page's own dictionaries (apply.html's, i18n/{zh,en}/apply.ts), public.ts's by default. */
export function LangProvider({
  children,
  messages = publicMessages,
}: {
  children: ReactNode;
  messages?: Record<Lang, Dictionary>;
}) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const t = useCallback<Translate>(
    (key, args = {}) =>
      lookup(messages[lang], key).replace(/%\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')),
    [lang, messages],
  );
  const value = useMemo(
    () => ({
      lang,
      t,
      toggle: () => {
        const next = lang === 'zh' ? 'en' : 'zh';
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLang(next);
      },
    }),
    [lang, t],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);
