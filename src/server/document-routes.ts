import { Hono } from 'hono';
import { z } from 'zod';
import { alignDocuments } from '../compare/align-documents.js';
import type { DocumentUnit, ResolutionDocument } from '../corpus/resolution-document.js';
import type { AppEnv, ServerServices } from './app-dependencies.js';
import { PublicError } from './public-error.js';
import { parseQuery } from './read-json-body.js';

const compareQuerySchema = z.object({
  from: z.string().trim().min(1, 'name the older document, e.g. from=A/RES/74/148').max(64),
  to: z.string().trim().min(1, 'name the newer document, e.g. to=A/RES/76/172').max(64),
});

function unitSummary(unit: DocumentUnit | undefined) {
  return unit ? { id: unit.id, label: unit.label, kind: unit.kind } : null;
}

/** Footnotes have their own reading order at the end of a document; body units neighbour body units. */
function neighbours(document: ResolutionDocument, unit: DocumentUnit) {
  const sameFlow = document.units
    .filter((candidate) => (candidate.kind === 'footnote') === (unit.kind === 'footnote'))
    .sort((a, b) => a.order - b.order);
  const index = sameFlow.findIndex((candidate) => candidate.id === unit.id);
  return { previous: unitSummary(sameFlow[index - 1]), next: unitSummary(sameFlow[index + 1]) };
}

function decodeUnitId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PublicError('invalid-id', ['the id is not correctly URL-encoded']);
  }
}

/** `GET /api/documents`, `GET /api/units/:id`, `GET /api/compare?from=&to=`. */
export function createDocumentRoutes(services: ServerServices): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { corpus } = services;

  routes.get('/api/documents', (c) =>
    c.json({
      documents: corpus.documents().map((document) => ({
        symbol: document.symbol,
        title: document.title,
        body: document.body,
        date: document.date ?? null,
        year: document.year ?? null,
        session: document.session ?? null,
        agendaItem: document.agendaItem ?? null,
        url: document.url,
        units: document.units.length,
      })),
    }),
  );

  // The id holds slashes (A/RES/76/172:OP5(b)); accept it URL-encoded or not.
  routes.get('/api/units/*', (c) => {
    const raw = c.req.path.slice('/api/units/'.length);
    const id = decodeUnitId(raw);
    if (id.length === 0 || id.length > 200) throw new PublicError('invalid-id', ['expected /api/units/<symbol>:<unit>, e.g. A%2FRES%2F76%2F172%3AOP5(b)']);
    const unit = corpus.getUnit(id);
    const document = corpus.documentOf(id);
    if (!unit || !document) throw new PublicError('unit-not-found', [`no unit ${JSON.stringify(id)}`]);
    const footnotes = unit.footnotes.map((footnoteId) => {
      const footnote = corpus.getUnit(footnoteId);
      return { id: footnoteId, label: footnote?.label ?? footnoteId, text: footnote?.text ?? '' };
    });
    return c.json({
      id: unit.id,
      unit: unit.unit,
      kind: unit.kind,
      label: unit.label,
      text: unit.text,
      leadIn: unit.leadIn ?? null,
      parentId: unit.parentId ?? null,
      footnotes,
      ...neighbours(document, unit),
      document: { symbol: document.symbol, title: document.title, date: document.date ?? null },
      url: document.url,
    });
  });

  routes.get('/api/compare', (c) => {
    const query = parseQuery(compareQuerySchema, c.req.query());
    const from = corpus.getDocument(query.from);
    const to = corpus.getDocument(query.to);
    const missing = [!from ? query.from : undefined, !to ? query.to : undefined].filter((symbol) => symbol !== undefined);
    if (!from || !to) throw new PublicError('document-not-found', missing.map((symbol) => `no document ${JSON.stringify(symbol)}`));
    return c.json(alignDocuments(from, to));
  });

  return routes;
}
