import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useProjects } from "../shared/projects";

interface User { id: string; username: string; displayName: string; roles: string[]; projectIds: string[]; disabled?: boolean; disabledAt?: string | null }
const ROLES = ["admin", "supervisor", "agent", "client_viewer", "telephony"];

/** The call center's people and their roles; a client viewer is given the projects whose reports they may read. */
export function Users() {
  const projects = useProjects();
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState({ username: "", displayName: "", password: "", roles: ["agent"], projectIds: [] as string[] });
  const [error, setError] = useState("");
  const load = () => api.get<User[]>("/api/users").then(setUsers, () => setUsers([]));
  useEffect(() => {
    load();
  }, []);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  async function create(e: Event) {
    e.preventDefault();
    setError("");
    try {
      await api.post("/api/users", form);
      setForm({ username: "", displayName: "", password: "", roles: ["agent"], projectIds: [] });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message} ${Object.values(err.errors ?? {}).flat().join(" ")}` : String(err));
    }
  }
  return (
    <div class="users">
      <h1>{t("nav.users")}</h1>
      <table>
        <thead><tr><th scope="col">{t("signIn.username")}</th><th scope="col">{t("users.displayName")}</th><th scope="col">{t("users.roles")}</th></tr></thead>
        <tbody>{users.map((u) => <tr><th scope="row">{u.username}</th><td>{u.displayName}</td><td>{u.roles.map((r) => t(`role.${r}` as Key)).join(", ")}</td></tr>)}</tbody>
      </table>
      <form onSubmit={create} class="grid-form" aria-labelledby="new-user">
        <h2 id="new-user">{t("users.new")}</h2>
        <label>{t("signIn.username")}<input value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} required /></label>
        <label>{t("users.displayName")}<input value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} required /></label>
        <label>{t("signIn.password")}<input type="password" autocomplete="new-password" value={form.password} onInput={(e) => setForm({ ...form, password: e.currentTarget.value })} required /></label>
        <fieldset>
          <legend>{t("users.roles")}</legend>
          {ROLES.map((r) => (
            <label class="check"><input type="checkbox" checked={form.roles.includes(r)} onChange={(e) => setForm({ ...form, roles: toggle(form.roles, r, e.currentTarget.checked) })} />{t(`role.${r}` as Key)}</label>
          ))}
        </fieldset>
        {form.roles.includes("client_viewer") && (
          <fieldset>
            <legend>{t("users.projects")}</legend>
            {projects.map((p) => (
              <label class="check"><input type="checkbox" checked={form.projectIds.includes(p.id)} onChange={(e) => setForm({ ...form, projectIds: toggle(form.projectIds, p.id, e.currentTarget.checked) })} />{p.name}</label>
            ))}
          </fieldset>
        )}
        <button type="submit" class="primary">{t("users.create")}</button>
        {error && <p role="alert" class="error">{error}</p>}
      </form>
    </div>
  );
}
