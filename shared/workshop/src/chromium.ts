/**
 * How every browser test of the kit starts Chromium: Debian's (`apt-get install -y chromium`; never
 * `playwright install`), at HOTPATH_CHROMIUM or /usr/bin/chromium, headless with the flags these machines need
 * (no sandbox as root, no GPU, and no background networking: the closed network refuses its connections).
 * The site's browser tests and the room's page test launch it through playwright-core with these, and a fresh
 * profile folder each.
 */
export const CHROMIUM: string = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
