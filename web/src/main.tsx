import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { currentSession, signedInUser, signOut, whenSignedOut, type Session } from "./shared/api";
import { useSessionKeeper } from "./shared/session";
import { useLocale, t } from "./shared/i18n";
import { navigate, usePath } from "./shared/router";
import { SignIn } from "./SignIn";
import { Shell } from "./Shell";
import "./styles.css";

function App() {
  useLocale();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const path = usePath();

  useEffect(() => {
    currentSession().then(setSession);
    // A 401 while signed in: the session expired or was ended at the gateway.
    whenSignedOut(() => {
      setExpired(true);
      setSession(null);
    });
  }, []);

  if (session === undefined) return <main class="loading">{t("loading")}</main>;
  if (session === null || path === "/sign-in") {
    return (
      <SignIn
        expired={expired && session === null}
        onSignedIn={(s) => {
          // The same person back after an expired session returns to where they were (their unsaved notes are kept there).
          const back = expired && s.userId === previousUser && path !== "/sign-in" && path !== "/";
          setExpired(false);
          setSession(s);
          navigate(back ? path : homeOf(s));
        }}
      />
    );
  }
  return (
    <>
    <SessionKeeper session={session} onRenewed={setSession} onExpired={() => { setExpired(true); setSession(null); }} />
    <Shell
      session={session}
      path={path === "/" ? homeOf(session) : path}
      onSignOut={async () => {
        await signOut();
        setSession(null);
        navigate("/sign-in");
      }}
    />
    </>
  );
}

let previousUser = "";

function SessionKeeper({ session, onRenewed, onExpired }: { session: Session; onRenewed: (s: Session) => void; onExpired: () => void }) {
  previousUser = signedInUser();
  useSessionKeeper(session, onRenewed, onExpired);
  return null;
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
