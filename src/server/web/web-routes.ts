import { Hono } from 'hono';
import { loadWebAssets } from './web-assets.js';

export interface WebRoutesDependencies {
  /** Shown in the page title and header. */
  title?: string;
  /** Offered as buttons on an empty chat. */
  suggestedQuestions?: readonly string[];
}

export const defaultSuggestedQuestions: readonly string[] = [
  'What does the General Assembly ask States to do about the detention of migrants?',
  'What does resolution 76/172 say about migrant children?',
  'What does the 2021 resolution say about remittances?',
  'How did the resolution on the protection of migrants change between 2019 and 2021?',
];

/** The page runs no inline script or style, so it can forbid both. */
export const chatPageSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function renderChatPage(template: string, title: string, questions: readonly string[]): string {
  const suggestions = questions
    .map((question) => `        <li><button type="button" class="suggestion">${escapeHtml(question)}</button></li>`)
    .join('\n');
  return template.replaceAll('{{title}}', escapeHtml(title)).replace('{{suggestions}}', suggestions);
}

/**
 * `GET /` (staff chat page), `GET /compare` (side-by-side versions), their scripts and styles, and
 * `GET /widget.js`. Mount at the app root: the pages call the API relative to their own URL.
 */
export function createWebRoutes(dependencies: WebRoutesDependencies = {}): Hono {
  const assets = loadWebAssets();
  const page = renderChatPage(
    assets.chatPageTemplate,
    dependencies.title ?? 'Verbatim',
    dependencies.suggestedQuestions ?? defaultSuggestedQuestions,
  );
  const routes = new Hono();

  const comparePage = assets.comparePageTemplate.replaceAll('{{title}}', escapeHtml(dependencies.title ?? 'Verbatim'));
  const pages: Array<[path: string, html: string]> = [
    ['/', page],
    ['/compare', comparePage],
  ];
  for (const [path, html] of pages) {
    routes.get(path, (context) => {
      context.header('Content-Security-Policy', chatPageSecurityPolicy);
      context.header('X-Content-Type-Options', 'nosniff');
      context.header('Referrer-Policy', 'same-origin');
      context.header('Cache-Control', 'no-cache');
      return context.html(html);
    });
  }

  const files: Array<[path: string, type: string, body: string]> = [
    ['/app.js', 'text/javascript; charset=utf-8', assets.chatPageScript],
    ['/app.css', 'text/css; charset=utf-8', assets.chatPageStyles],
    ['/compare.js', 'text/javascript; charset=utf-8', assets.comparePageScript],
    ['/compare.css', 'text/css; charset=utf-8', assets.comparePageStyles],
  ];
  for (const [path, type, body] of files) {
    routes.get(path, (context) => {
      context.header('Content-Type', type);
      context.header('X-Content-Type-Options', 'nosniff');
      context.header('Cache-Control', 'no-cache');
      return context.body(body);
    });
  }

  routes.get('/favicon.svg', (context) => {
    context.header('Content-Type', 'image/svg+xml');
    context.header('Cache-Control', 'public, max-age=86400');
    return context.body(assets.favicon);
  });

  routes.get('/widget.js', (context) => {
    context.header('Content-Type', 'text/javascript; charset=utf-8');
    context.header('X-Content-Type-Options', 'nosniff');
    // Loaded by other sites' pages: allow cross-origin embedding even when the app sets CORP globally.
    context.header('Cross-Origin-Resource-Policy', 'cross-origin');
    context.header('Access-Control-Allow-Origin', '*');
    context.header('Cache-Control', 'public, max-age=300');
    return context.body(assets.widgetScript);
  });

  return routes;
}
