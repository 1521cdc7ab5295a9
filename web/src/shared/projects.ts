import { useEffect, useState } from "preact/hooks";
import { api } from "./api";

export interface Project { id: string; name: string; direction: string; timeZone: string; clientCompanyId?: string | null }

const cache = new Map<string, Promise<Project | null>>();

/** A project (its zone above all: times are shown in it), read once per page load. */
export function useProject(projectId: string | null | undefined): Project | null {
  const [project, setProject] = useState<Project | null>(null);
  useEffect(() => {
    if (!projectId) return;
    if (!cache.has(projectId)) cache.set(projectId, api.get<Project>(`/api/clients/projects/${projectId}`).catch(() => null));
    cache.get(projectId)!.then(setProject);
  }, [projectId]);
  return project;
}

export function useProjects(): Project[] {
  const [projects, setProjects] = useState<Project[]>([]);
  useEffect(() => {
    api.get<Project[]>("/api/clients/projects").then(setProjects, () => setProjects([]));
  }, []);
  return projects;
}
