/**
 * Whether a new version of the installed app is waiting (the service worker's `prompt` update, see
 * admin/build/pwa.ts), and how to switch to it. register.ts fills it in, UpdateBanner.tsx shows it; this
 * module itself touches no service worker, so tests and the dev server can import it.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let waiting = false;
let apply: () => Promise<void> = async () => undefined;

export const updates = {
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** A new version is installed and waits for the user to refresh. */
  waiting: () => waiting,
  /** Called by the registration: `activate` lets the new version take over (the page then reloads). */
  offer(activate: () => Promise<void>) {
    apply = activate;
    waiting = true;
    for (const listener of listeners) listener();
  },
  refresh: () => apply(),
};
