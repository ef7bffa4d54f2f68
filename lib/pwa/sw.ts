// The service worker (bundled by @serwist/next into public/sw.js at build time). It precaches the
// code of the app (every script and stylesheet of the build, so the survey's pages run offline),
// never caches the API (personal data, and the queue must reach the server or fail), and answers a
// page request that finds no network with the interviewer's offline page (/survey/device, which
// renders the interviews from the device store), kept in its cache by the survey pages while online.
// Updates: no skipWaiting. A new version waits until every tab of the old one is closed, so the
// code under an interview in progress never changes beneath it.
import { NetworkOnly, Serwist, type PrecacheEntry } from "serwist";

const sw = self as unknown as { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined; location: Location };

/** Where the survey pages keep the offline page (modules/survey/device/components/device-status.tsx). */
const SHELL_CACHE = "survey-device-shell";
const SHELL = "/survey/device";

async function pageOrOfflineShell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await (await caches.open(SHELL_CACHE)).match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

const serwist = new Serwist({
  precacheEntries: sw.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    { matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate", handler: ({ request }) => pageOrOfflineShell(request) },
  ],
});

serwist.addEventListeners();
