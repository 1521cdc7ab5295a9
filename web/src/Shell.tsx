import type { Session } from "./shared/api";
import { t, type Key } from "./shared/i18n";
import { LanguagePicker } from "./shared/LanguagePicker";
import { linkTo, match } from "./shared/router";
import { AgentDesktop } from "./agent/AgentDesktop";
import { Wallboard } from "./supervisor/Wallboard";
import { Reports } from "./supervisor/Reports";
import { Staffing } from "./supervisor/Staffing";
import { ProjectReport } from "./supervisor/ProjectReport";
import { Onboarding } from "./admin/Onboarding";
import { Users } from "./admin/Users";
import { ScriptEditor } from "./admin/ScriptEditor";
import { Scripts } from "./admin/Scripts";
import { CallListImport } from "./admin/CallListImport";
import { QueueSetup } from "./admin/QueueSetup";
import { ApiExplorer } from "./admin/ApiExplorer";
import { Campaigns } from "./campaigns/Campaigns";

interface Page {
  path: string;
  label: Key;
  roles: string[];
}

const PAGES: Page[] = [
  { path: "/agent", label: "nav.agent", roles: ["agent", "supervisor", "admin"] },
  { path: "/supervisor", label: "nav.wallboard", roles: ["supervisor", "admin", "client_viewer"] },
  { path: "/supervisor/reports", label: "nav.reports", roles: ["supervisor", "admin"] },
  { path: "/supervisor/staffing", label: "nav.staffing", roles: ["supervisor", "admin"] },
  { path: "/supervisor/campaigns", label: "nav.campaigns", roles: ["supervisor", "admin"] },
  { path: "/admin", label: "nav.onboarding", roles: ["admin"] },
  { path: "/admin/queues", label: "nav.queues", roles: ["admin"] },
  { path: "/admin/scripts", label: "nav.scripts", roles: ["admin", "supervisor"] },
  { path: "/admin/users", label: "nav.users", roles: ["admin"] },
  { path: "/admin/import", label: "nav.import", roles: ["admin", "supervisor"] },
  { path: "/developers", label: "nav.api", roles: ["admin", "supervisor", "agent", "client_viewer"] },
];

export function Shell({ session, path, onSignOut }: { session: Session; path: string; onSignOut: () => void }) {
  const mayOpen = (roles: string[]) => roles.some((r) => session.roles.includes(r));
  const pages = PAGES.filter((p) => mayOpen(p.roles));
  const viewerProjects = session.roles.includes("client_viewer") ? session.projectIds : [];
  return (
    <>
      <a class="skip" href="#main">{t("skipToContent")}</a>
      <header class="top">
        <span class="brand">{t("brand")}</span>
        <nav aria-label={t("nav.label")}>
          {pages.map((p) => (
            <a {...linkTo(p.path)} aria-current={path === p.path ? "page" : undefined}>{t(p.label)}</a>
          ))}
          {viewerProjects.map((id, i) => (
            <a {...linkTo(`/reports/projects/${id}`)} aria-current={path === `/reports/projects/${id}` ? "page" : undefined}>
              {t("nav.projectReport")} {viewerProjects.length > 1 ? i + 1 : ""}
            </a>
          ))}
        </nav>
        <span class="who">{session.username} · {session.tenant}</span>
        <LanguagePicker />
        <button type="button" class="link" onClick={onSignOut}>{t("signOut")}</button>
      </header>
      <main id="main" tabIndex={-1}>{route(session, path, mayOpen)}</main>
    </>
  );
}

function route(session: Session, path: string, mayOpen: (roles: string[]) => boolean) {
  const page = PAGES.find((p) => p.path === path);
  if (page && !mayOpen(page.roles)) return <NotAllowed />;
  const project = match("/reports/projects/:id", path);
  if (project) {
    const viewer = session.roles.includes("client_viewer") && !session.roles.some((r) => r === "admin" || r === "supervisor");
    if (viewer && !session.projectIds.includes(project.id)) return <NotAllowed />;
    return <ProjectReport projectId={project.id} />;
  }
  const script = match("/admin/scripts/:id", path);
  if (script) return mayOpen(["admin", "supervisor"]) ? <ScriptEditor scriptId={script.id} /> : <NotAllowed />;
  switch (path) {
    case "/agent": return <AgentDesktop session={session} />;
    case "/supervisor": return <Wallboard session={session} />;
    case "/supervisor/reports": return <Reports />;
    case "/supervisor/staffing": return <Staffing />;
    case "/supervisor/campaigns": return <Campaigns session={session} />;
    case "/admin": return <Onboarding />;
    case "/admin/queues": return <QueueSetup />;
    case "/admin/scripts": return <Scripts />;
    case "/admin/users": return <Users />;
    case "/admin/import": return <CallListImport />;
    case "/developers": return <ApiExplorer />;
    default: return <NotAllowed />;
  }
}

function NotAllowed() {
  return (
    <section class="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t("notAllowed.title")}</h1>
      <p>{t("notAllowed.detail")}</p>
    </section>
  );
}
