import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * The browser code is plain JavaScript in ./assets, bundled here by concatenation into one IIFE per
 * entry point so the page and the widget share the chat core without a front-end build step.
 */

export interface WebAssets {
  /** Chat page template with `{{title}}` and `{{suggestions}}` still to fill. */
  chatPageTemplate: string;
  chatPageScript: string;
  chatPageStyles: string;
  widgetScript: string;
  favicon: string;
  /** Comparison page template with `{{title}}` still to fill. */
  comparePageTemplate: string;
  comparePageScript: string;
  comparePageStyles: string;
}

export interface WidgetSize {
  bytes: number;
  gzipBytes: number;
}

const assetsFolder = new URL('./assets/', import.meta.url);

function readAsset(name: string): string {
  return readFileSync(new URL(name, assetsFolder), 'utf8');
}

function minifyStyles(styles: string): string {
  return styles
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .trim();
}

function bundle(name: string, parts: string[]): string {
  return `/* Verbatim ${name} */\n(function () {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}

let cached: WebAssets | undefined;

/** Reads and bundles the assets once per process. */
export function loadWebAssets(): WebAssets {
  if (cached) return cached;
  const shared = ['ui-strings.js', 'chat-client.js', 'chat-rendering.js'].map(readAsset);
  const conversation = readAsset('chat-conversation.js');
  cached = {
    chatPageTemplate: readAsset('chat-page.html'),
    chatPageScript: bundle('chat page', [...shared, conversation, readAsset('chat-page.js')]),
    chatPageStyles: readAsset('chat-page.css'),
    favicon: readAsset('favicon.svg'),
    comparePageTemplate: readAsset('compare-page.html'),
    comparePageScript: bundle('compare page', [...shared, readAsset('compare-page.js')]),
    comparePageStyles: readAsset('compare-page.css'),
    widgetScript: bundle('widget', [
      `var WIDGET_CSS = ${JSON.stringify(minifyStyles(readAsset('widget.css')))};`,
      ...shared,
      conversation,
      readAsset('widget.js'),
    ]),
  };
  return cached;
}

export function measureWidget(assets: WebAssets = loadWebAssets()): WidgetSize {
  const bytes = Buffer.from(assets.widgetScript, 'utf8');
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
