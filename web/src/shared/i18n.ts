import { useEffect, useState } from "preact/hooks";
import { en, type Key } from "../locales/en";
import { hu } from "../locales/hu";
import { cs } from "../locales/cs";
import { ro } from "../locales/ro";
import { ru } from "../locales/ru";

export type { Key };

// The trade is multilingual: en, hu, cs, ro, ru. The choice is kept in the browser; the first visit follows the browser's language.
export const LOCALES = [
  { code: "en", name: "English" }, { code: "hu", name: "Magyar" }, { code: "cs", name: "Čeština" },
  { code: "ro", name: "Română" }, { code: "ru", name: "Русский" },
];
const DICTIONARIES: Record<string, Record<Key, string>> = { en, hu, cs, ro, ru };

function initial(): string {
  const saved = localStorage.getItem("locale");
  if (saved && DICTIONARIES[saved]) return saved;
  const browser = navigator.language.slice(0, 2);
  return DICTIONARIES[browser] ? browser : "en";
}

let locale = initial();
const listeners = new Set<() => void>();

export function currentLocale(): string {
  return locale;
}

export function setLocale(code: string) {
  locale = DICTIONARIES[code] ? code : "en";
  localStorage.setItem("locale", locale);
  document.documentElement.lang = locale;
  listeners.forEach((l) => l());
}

export function t(key: Key): string {
  return DICTIONARIES[locale][key] ?? en[key] ?? key;
}

/** Re-renders the caller when the language changes. */
export function useLocale(): string {
  const [, setTick] = useState(0);
  useEffect(() => {
    document.documentElement.lang = locale;
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return locale;
}
