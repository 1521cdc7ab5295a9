import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { currentSession, signOut, whenSignedOut, type Session } from "./shared/api";
import { useLocale, t } from "./shared/i18n";
import { navigate, usePath } from "./shared/router";
import { SignIn } from "./SignIn";
import { Shell } from "./Shell";
import "./styles.css";

function App() {
  useLocale();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const path = usePath();

  useEffect(() => {
    currentSession().then(setSession);
    whenSignedOut(() => setSession(null));
  }, []);

  if (session === undefined) return <main class="loading">{t("loading")}</main>;
  if (session === null || path === "/sign-in") {
    return (
      <SignIn
        onSignedIn={(s) => {
          setSession(s);
          navigate(homeOf(s));
        }}
      />
    );
  }
  return (
    <Shell
      session={session}
      path={path === "/" ? homeOf(session) : path}
      onSignOut={async () => {
        await signOut();
        setSession(null);
        navigate("/sign-in");
      }}
    />
  );
}

/** Where each role starts its day. */
export function homeOf(session: Session): string {
  const roles = session.roles;
  if (roles.includes("admin")) return "/admin";
  if (roles.includes("supervisor")) return "/supervisor";
  if (roles.includes("agent")) return "/agent";
  if (roles.includes("client_viewer") && session.projectIds.length > 0) return `/reports/projects/${session.projectIds[0]}`;
  return "/nothing";
}

render(<App />, document.getElementById("app")!);
