/** A signed-in API client for setting up browser scenarios through the real API. */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'Guanai@2026' }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    call,
    /** Claims the open task of a kind on a case and completes it with the form. */
    async work(caseId: string, kind: string, form: Record<string, unknown>) {
      const tasks = await call(
        'GET',
        `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', caseId, kind }))}`,
      );
      const task = tasks[0];
      if (!task) throw new Error(`no open ${kind} task on ${caseId}`);
      await call('POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`);
      return call('POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, { form });
    },
  };
}
