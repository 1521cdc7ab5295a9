import { useState } from "preact/hooks";
import { ApiError, signIn, type Session } from "./shared/api";
import { t } from "./shared/i18n";
import { LanguagePicker } from "./shared/LanguagePicker";

export function SignIn({ onSignedIn, expired = false }: { onSignedIn: (session: Session) => void; expired?: boolean }) {
  const [tenant, setTenant] = useState(localStorage.getItem("tenant") ?? "demo");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const session = await signIn(tenant, username, password);
      localStorage.setItem("tenant", tenant);
      onSignedIn(session);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t("signIn.locked") : t("signIn.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t("signIn.title")}</h1>
        {expired && <p role="status" class="notice" data-testid="session-expired">{t("signIn.expired")}</p>}
        <label>
          {t("signIn.tenant")}
          <input name="tenant" value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} required autocomplete="organization" />
        </label>
        <label>
          {t("signIn.username")}
          <input name="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required autocomplete="username" autofocus />
        </label>
        <label>
          {t("signIn.password")}
          <input name="password" type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required autocomplete="current-password" />
        </label>
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" disabled={busy}>{t("signIn.submit")}</button>
        <LanguagePicker />
      </form>
    </main>
  );
}
