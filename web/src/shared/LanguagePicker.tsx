import { currentLocale, LOCALES, setLocale, t } from "./i18n";

export function LanguagePicker() {
  return (
    <label class="language">
      {t("language")}
      <select value={currentLocale()} onChange={(e) => setLocale(e.currentTarget.value)}>
        {LOCALES.map((l) => (
          <option value={l.code} lang={l.code}>{l.name}</option>
        ))}
      </select>
    </label>
  );
}
