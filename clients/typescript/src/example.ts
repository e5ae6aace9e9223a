/**
 * The README's example, type-checked by `tsc --noEmit` in CI: if the document or the
 * wrapper changes shape, this stops compiling.
 */
import { createClient, ProblemError } from "./index.js";

export async function publishFirstDraft(baseUrl: string, token: string): Promise<string | null> {
  const api = createClient({ baseUrl, token });
  const page = await api.get("/v1/jobs", { query: { status: "draft", limit: 10 } });
  const draft = page.items[0];
  if (!draft) return null;
  try {
    const job = await api.post("/v1/jobs/{job_id}/publish", { path: { job_id: draft.id } });
    return job.status;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) return error.problem.detail ?? null;
    throw error;
  }
}

export async function createJob(api: ReturnType<typeof createClient>): Promise<string> {
  const job = await api.post("/v1/jobs", {
    body: {
      title: "Backend engineer",
      description: "Build the API.",
      locations: [{ mode: "remote" }],
    },
  });
  return job.id;
}
