import { request } from 'node:http';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** One real HTTP request on its own connection (no keep-alive: a closing server is not held open by the test). */
export function httpGet(url: string, method = 'GET'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether anything accepts a connection at `url` now. */
export async function answers(url: string): Promise<boolean> {
  try {
    await httpGet(url);
    return true;
  } catch {
    return false;
  }
}
