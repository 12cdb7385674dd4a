/** What to merge into a ccxt binance instance's `urls.api` so it talks to a local exchange at `url`. */
export function ccxtUrlsAt(url: string): Record<string, unknown> {
  const v3 = `${url}/api/v3`;
  // ccxt.pro tells spot from futures streams by "/stream" in the URL (as in stream.binance.com).
  return { public: v3, private: v3, v1: `${url}/api/v1`, ws: { spot: `${url.replace(/^http/, 'ws')}/stream/ws` } };
}
