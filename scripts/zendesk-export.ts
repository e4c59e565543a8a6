/**
 * Downloads a Zendesk Guide help center for `npm run import`, with your own
 * API token (read from the environment, never from the command line, so it
 * stays out of your shell history):
 *
 *   ZENDESK_EMAIL=you@example.com ZENDESK_API_TOKEN=… \
 *     npm run zendesk-export -- https://example.zendesk.com zendesk-export
 *
 * A public help center needs no token. Then: npm run import -- zendesk zendesk-export
 */
import path from 'node:path';
import { exportZendesk, zendeskAuthorization } from '../src/node/import/zendesk-export.ts';

const [baseUrl, out = 'zendesk-export'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('Usage: npm run zendesk-export -- https://<subdomain>.zendesk.com [folder]\nSet ZENDESK_EMAIL and ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) for a help center that needs signing in.');
  process.exit(1);
}
try {
  const result = await exportZendesk({ baseUrl, out: path.resolve(out), authorization: zendeskAuthorization(process.env), log: (line) => console.log(line) });
  console.log(`Saved ${result.pages} pages (${result.articles} articles in ${result.locales.join(', ')}) and ${result.files} files in ${out}. Next: npm run import -- zendesk ${out}`);
} catch (error) {
  console.error(String((error as Error).message));
  process.exit(1);
}
